package org.fmishare.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fmishare.core.model.*;
import org.fmishare.testkit.SampleData;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precompiled fast path never accepts a value that Hibernate Validator would refuse: for every model record,
 * every component is probed with edge values (null, empty, blank, too long, wrong case, lists and optionals holding
 * null or blank) on top of a valid sample, and whenever the fast path accepts, the validator must find nothing.
 */
class ModelChecksTest {
    private static final Validator HV = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static Stream<Record> samples() {
        ThreatShare share = SampleData.passingShare();
        return Stream.of(share, SampleData.meeting(), SampleData.briefing(), SampleData.response(),
                SampleData.inboundReport(), SampleData.proxyActor(), SampleData.proxyActor().proxyLink().orElseThrow(),
                share.actor(), share.operation(), share.operation().targets().get(0), SampleData.election(),
                share.accounts().get(0), share.facts().get(0), share.assessment(), share.covertBasis(),
                share.recipient(), share.recipient().headquarters(), share.recipient().threatSharing(),
                share.recipient().contacts().get(0), SampleData.fitf(), SampleData.westernFieldOffice(),
                SampleData.coordination(), SampleData.meeting().attendees().get(0), SampleData.meeting().fitf(),
                SampleData.briefing().audiences().get(0), CountryCode.of("RU"), CoveredCountries.statutory());
    }

    static List<Object> probes(Class<?> type) {
        List<Object> p = new ArrayList<>();
        p.add(null);
        if (type == String.class) {
            p.addAll(List.of("", " ", "\\t\\n", "x", "RU", "ru", "T0087", "T0087.001", "X1", "a b", "share 1", "s-1",
                    "a@b.test", "not-an-email", "x".repeat(300), "x".repeat(5000), "x".repeat(25_000)));
        } else if (type == List.class) {
            p.add(List.of());
            p.add(Arrays.asList((Object) null));
            p.add(List.of(""));
            p.add(List.of(" "));
            p.add(List.of("x"));
            p.add(List.of("T0087", "bad"));
            p.add(java.util.Collections.nCopies(101, "x"));
        } else if (type == Optional.class) {
            p.add(Optional.empty());
            p.add(Optional.of(""));
            p.add(Optional.of(" "));
            p.add(Optional.of("x"));
            p.add(Optional.of("x".repeat(5000)));
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fastPathAcceptsNothingTheValidatorRefuses(Record sample) throws Exception {
        Class<? extends Record> type = sample.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] valid = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            valid[i] = components[i].getAccessor().invoke(sample);
        }
        ModelChecks.FastPlan plan = ModelChecks.FastPlan.of(type);
        assertThat(noViolations(type, components, valid)).isTrue();
        // Contact carries @Email, which the fast path leaves to the validator; every other valid value is settled fast.
        assertThat(plan.accepts(valid)).as("a valid %s is accepted without the validator", type.getSimpleName())
                .isEqualTo(type != Contact.class);
        int probed = 0;
        for (int i = 0; i < components.length; i++) {
            for (Object probe : probes(components[i].getType())) {
                Object[] args = valid.clone();
                args[i] = probe;
                boolean fast = plan.accepts(args);
                boolean hv = noViolations(type, components, args);
                if (fast) {
                    assertThat(hv).as("%s.%s = %s accepted by the fast path but refused by the validator",
                            type.getSimpleName(), components[i].getName(), abbreviate(probe)).isTrue();
                }
                probed++;
            }
        }
        assertThat(probed).isPositive();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean noViolations(Class<? extends Record> type, RecordComponent[] components, Object[] args) {
        for (int i = 0; i < components.length; i++) {
            if (!HV.validateValue((Class) type, components[i].getName(), args[i]).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
