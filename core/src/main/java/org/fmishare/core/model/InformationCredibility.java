package org.fmishare.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Information credibility on the Admiralty scale, 1 (confirmed) to 6 (cannot be judged). JSON form is the number.
 */
public enum InformationCredibility {
    /** Confirmed by other sources. */
    CONFIRMED(1),
    /** Probably true. */
    PROBABLY_TRUE(2),
    /** Possibly true. */
    POSSIBLY_TRUE(3),
    /** Doubtful. */
    DOUBTFUL(4),
    /** Improbable. */
    IMPROBABLE(5),
    /** Truth cannot be judged. */
    CANNOT_BE_JUDGED(6);

    private final int grade;

    InformationCredibility(int grade) {
        this.grade = grade;
    }

    /** {@return the grade, 1 to 6} */
    @JsonValue
    public int grade() {
        return grade;
    }

    /**
     * Looks a grade up.
     *
     * @param grade 1 to 6
     * @return the credibility
     * @throws InvalidModelException when the grade is out of range
     */
    @JsonCreator
    public static InformationCredibility ofGrade(int grade) {
        return Arrays.stream(values()).filter(c -> c.grade == grade).findFirst()
                .orElseThrow(() -> InvalidModelException.of("InformationCredibility", "grade", "admiralty-1-to-6",
                        "must be 1 to 6, was " + grade));
    }

    /**
     * Whether this credibility is as good as or better than {@code floor} (1 is best).
     *
     * @param floor the minimum acceptable credibility
     * @return true when it meets the floor
     */
    public boolean atLeast(InformationCredibility floor) {
        return grade <= floor.grade;
    }
}
