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

    /**
     * Runs full bean validation on an already built object graph (used by the codec and by callers who want
     * every violation at once).
     *
     * @param value the value to check
     * @param <T> its type
     * @return the violations, empty when valid
     */
    public static <T> Set<ConstraintViolation<T>> validateBean(T value) {
        return VALIDATOR.validate(value);
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
}
