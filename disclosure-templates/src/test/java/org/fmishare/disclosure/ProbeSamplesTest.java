package org.fmishare.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.fmishare.disclosure.internal.ProbeSamples;
import org.fmishare.testkit.SampleData;
import org.junit.jupiter.api.Test;

/** The documents templates are probe-rendered with are the repository's samples, not a drifting copy. */
class ProbeSamplesTest {
    @Test
    void probeDocumentsEqualTheSampleData() {
        assertThat(ProbeSamples.share()).isEqualTo(SampleData.passingShare());
        assertThat(ProbeSamples.meeting()).isEqualTo(SampleData.adHocMeeting());
        assertThat(ProbeSamples.briefing()).isEqualTo(SampleData.briefing());
    }
}
