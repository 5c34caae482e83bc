package org.fmishare.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void theQuickstartAndAnHttpsRoundTripRun() {
        String summary = Quickstart.run();
        assertTrue(summary.contains("with a verified receipt"), summary);
    }
}
