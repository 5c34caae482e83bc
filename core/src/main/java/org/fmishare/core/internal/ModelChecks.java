package org.fmishare.core.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
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
 * Java copies them onto the canonical constructor's parameters, so Hibernate Validator's executable validation
 * can check the arguments <em>before</em> the record exists; an invalid record therefore can never be observed.
 * Parameter names come from the record components, not from {@code -parameters} bytecode, so paths read
 * {@code ThreatShare.facts[2]} wherever the classes were compiled. Messages are interpolated without an
 * expression-language engine ({@link ParameterMessageInterpolator}), which keeps EL off the classpath.
 *
 * <p>Not API: used only by the records in {@code org.fmishare.core.model}.
 */
public final class ModelChecks {
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .parameterNameProvider(new RecordParameterNames())
            .buildValidatorFactory()
            .getValidator();
    private static final ExecutableValidator EXECUTABLES = VALIDATOR.forExecutables();

    private static final ClassValue<Constructor<?>> CANONICAL = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            Class<?>[] types = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor on " + type, e);
            }
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
    public static void validate(Class<? extends Record> type, Object... args) {
        @SuppressWarnings("unchecked")
        Constructor<Record> ctor = (Constructor<Record>) CANONICAL.get(type);
        Set<ConstraintViolation<Record>> found = EXECUTABLES.validateConstructorParameters(ctor, args);
        if (!found.isEmpty()) {
            List<InvalidModelException.Violation> violations = new ArrayList<>(found.size());
            for (ConstraintViolation<Record> v : found) {
                violations.add(new InvalidModelException.Violation(type.getSimpleName(), field(v.getPropertyPath()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getMessage()));
            }
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

    private static final class RecordParameterNames implements ParameterNameProvider {
        @Override
        public List<String> getParameterNames(Constructor<?> constructor) {
            Class<?> owner = constructor.getDeclaringClass();
            if (owner.isRecord() && constructor.getParameterCount() == owner.getRecordComponents().length) {
                return Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).toList();
            }
            return names(constructor);
        }

        @Override
        public List<String> getParameterNames(Method method) {
            return names(method);
        }

        private static List<String> names(Executable executable) {
            return Arrays.stream(executable.getParameters()).map(java.lang.reflect.Parameter::getName).toList();
        }
    }
}
