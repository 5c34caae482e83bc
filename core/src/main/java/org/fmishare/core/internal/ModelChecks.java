package org.fmishare.core.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fmishare.core.model.InvalidModelException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the Jakarta Validation constraints declared on a record's components from inside its compact constructor.
 *
 * <p>Design note: the annotations on the record components are the single source of truth for structural rules.
 * Each component's value is checked with {@link Validator#validateValue} against the constraints of the record's
 * field of the same name <em>before</em> the record exists, so an invalid record can never be observed. The field
 * is used rather than the canonical constructor's parameter because javac copies only top-level annotations onto
 * a compact constructor's parameters and drops container-element ones such as {@code List<@NotBlank String>};
 * the field keeps them all. Messages are interpolated without an expression-language engine
 * ({@link ParameterMessageInterpolator}), which keeps EL off the classpath.
 *
 * <p>Not API: used only by the records in {@code org.fmishare.core.model}.
 */
public final class ModelChecks {
    private static final boolean BANNER_QUIETENED = ValidatorBanner.quieten();
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final ClassValue<String[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
        }
    };

    private static final ClassValue<FastPlan> PLANS = new ClassValue<>() {
        @Override
        protected FastPlan computeValue(Class<?> type) {
            return FastPlan.of(type);
        }
    };

    private ModelChecks() {}

    /**
     * Validates the canonical-constructor arguments of {@code type} against the constraints on its components.
     *
     * @param type the record class being constructed
     * @param args the arguments, in component order
     * @throws InvalidModelException listing every broken constraint
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void validate(Class<? extends Record> type, Object... args) {
        String[] names = COMPONENTS.get(type);
        if (names.length != args.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + names.length + " components, "
                    + args.length + " values were checked");
        }
        // Valid values are the norm: a precompiled check of the same constraints settles them without building
        // validation contexts. Anything it cannot settle, or any failure, goes to Hibernate Validator, which
        // produces the violations and messages.
        if (PLANS.get(type).accepts(args)) {
            return;
        }
        List<InvalidModelException.Violation> violations = null;
        for (int i = 0; i < names.length; i++) {
            Set<? extends ConstraintViolation<?>> found = VALIDATOR.validateValue((Class) type, names[i], args[i]);
            if (!found.isEmpty()) {
                if (violations == null) {
                    violations = new ArrayList<>();
                }
                for (ConstraintViolation<?> v : found) {
                    violations.add(new InvalidModelException.Violation(type.getSimpleName(),
                            field(v.getPropertyPath()),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            v.getMessage()));
                }
            }
        }
        if (violations != null) {
            // Stable order so that messages and tests do not depend on hash iteration order.
            violations.sort(Comparator.comparing(InvalidModelException.Violation::field)
                    .thenComparing(InvalidModelException.Violation::rule));
            throw new InvalidModelException(violations);
        }
    }

    /** Normalises an absent optional (as Jackson passes for a missing property) to empty. */
    public static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** Normalises an absent optional list (a missing JSON property) to an empty immutable list. */
    public static <T> List<T> optionalList(List<T> value) {
        return value == null ? List.of() : value;
    }

    private static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case CONSTRUCTOR, METHOD, BEAN, RETURN_VALUE, CROSS_PARAMETER -> {
                    // The executable itself adds nothing to the field path.
                }
                case PARAMETER, PROPERTY -> {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(node.getName());
                }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        sb.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return sb.length() == 0 ? "(value)" : sb.toString();
    }

    /**
     * The constraints of one record class compiled into plain checks, for the common case of valid values. Only
     * {@code NotNull}, {@code NotBlank}, {@code Size} and {@code Pattern} (without flags) are compiled, with exactly
     * Hibernate Validator's semantics (null passes every constraint but {@code NotNull} and {@code NotBlank};
     * {@code NotBlank} means non-empty after {@link String#trim()}); a component with any other constraint, or with
     * constraints nested deeper than one type argument, is never accepted here and always goes to the validator.
     */
    static final class FastPlan {
        private final Check[][] top;
        private final Check[][] element;
        private final boolean[] compiled;

        private interface Check {
            boolean ok(Object value);
        }

        private FastPlan(Check[][] top, Check[][] element, boolean[] compiled) {
            this.top = top;
            this.element = element;
            this.compiled = compiled;
        }

        static FastPlan of(Class<?> type) {
            java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
            Check[][] top = new Check[components.length][];
            Check[][] element = new Check[components.length][];
            boolean[] compiled = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                java.lang.reflect.AnnotatedType t;
                try {
                    t = type.getDeclaredField(components[i].getName()).getAnnotatedType();
                } catch (NoSuchFieldException e) {
                    continue;
                }
                List<Check> topChecks = new ArrayList<>();
                List<Check> elementChecks = new ArrayList<>();
                boolean ok = compile(t.getAnnotations(), topChecks);
                if (t instanceof java.lang.reflect.AnnotatedParameterizedType p) {
                    java.lang.reflect.AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
                    if (args.length == 1) {
                        ok &= compile(args[0].getAnnotations(), elementChecks);
                        ok &= !(args[0] instanceof java.lang.reflect.AnnotatedParameterizedType nested)
                                || Arrays.stream(nested.getAnnotatedActualTypeArguments())
                                        .allMatch(a -> a.getAnnotations().length == 0);
                    } else {
                        ok &= Arrays.stream(args).allMatch(a -> a.getAnnotations().length == 0);
                    }
                }
                top[i] = topChecks.toArray(Check[]::new);
                element[i] = elementChecks.toArray(Check[]::new);
                compiled[i] = ok;
            }
            return new FastPlan(top, element, compiled);
        }

        private static boolean compile(java.lang.annotation.Annotation[] annotations, List<Check> out) {
            boolean ok = true;
            for (java.lang.annotation.Annotation a : annotations) {
                if (a instanceof jakarta.validation.constraints.NotNull) {
                    out.add(v -> v != null);
                } else if (a instanceof jakarta.validation.constraints.NotBlank) {
                    out.add(v -> v instanceof CharSequence cs && cs.toString().trim().length() > 0);
                } else if (a instanceof jakarta.validation.constraints.Size size) {
                    int min = size.min();
                    int max = size.max();
                    out.add(v -> {
                        int n;
                        if (v == null) {
                            return true;
                        } else if (v instanceof CharSequence cs) {
                            n = cs.length();
                        } else if (v instanceof java.util.Collection<?> c) {
                            n = c.size();
                        } else if (v instanceof java.util.Map<?, ?> m) {
                            n = m.size();
                        } else {
                            return false;
                        }
                        return n >= min && n <= max;
                    });
                } else if (a instanceof jakarta.validation.constraints.Pattern pattern
                        && pattern.flags().length == 0) {
                    java.util.regex.Pattern compiledPattern = java.util.regex.Pattern.compile(pattern.regexp());
                    out.add(v -> v == null || v instanceof CharSequence cs && compiledPattern.matcher(cs).matches());
                } else if (a.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class)) {
                    ok = false;
                }
            }
            return ok;
        }

        boolean accepts(Object[] args) {
            for (int i = 0; i < args.length; i++) {
                if (!compiled[i]) {
                    return false;
                }
                Object v = args[i];
                for (Check c : top[i]) {
                    if (!c.ok(v)) {
                        return false;
                    }
                }
                Check[] el = element[i];
                if (el.length == 0 || v == null) {
                    continue;
                }
                if (v instanceof List<?> list) {
                    for (Object e : list) {
                        for (Check c : el) {
                            if (!c.ok(e)) {
                                return false;
                            }
                        }
                    }
                } else if (v instanceof Optional<?> o) {
                    if (o.isPresent()) {
                        for (Check c : el) {
                            if (!c.ok(o.get())) {
                                return false;
                            }
                        }
                    }
                } else {
                    return false;
                }
            }
            return true;
        }
    }
}
