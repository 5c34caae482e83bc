package org.fmishare.transport.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which unchecked exceptions the reader turns into a malformed-message error: those the S/MIME and mail libraries
 * raise on hostile input, never those raised by the reader's own code (a bug must not be reported as bad input).
 */
class SmimeReaderLibraryErrorTest {

    private static RuntimeException thrownAt(String... classes) {
        RuntimeException e = new IllegalStateException("x");
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "m", null, -1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void anErrorRaisedInsideBouncyCastleIsTheLibrarys() {
        assertThat(SmimeReader.thrownByLibrary(thrownAt("org.bouncycastle.asn1.ASN1Sequence",
                "org.fmishare.transport.email.internal.SmimeReader"))).isTrue();
    }

    @Test
    void aJdkIndexCheckCalledFromTheLibraryIsTheLibrarys() {
        assertThat(SmimeReader.thrownByLibrary(thrownAt("jdk.internal.util.Preconditions", "java.util.Objects",
                "java.util.ArrayList", "org.bouncycastle.cms.SignerInformationStore",
                "org.fmishare.transport.email.internal.SmimeReader"))).isTrue();
        assertThat(SmimeReader.thrownByLibrary(thrownAt("java.util.ArrayList", "jakarta.mail.internet.MimeMultipart",
                "org.fmishare.transport.email.internal.SmimeReader"))).isTrue();
    }

    @Test
    void anErrorRaisedByTheReadersOwnCodeIsNotRelabelled() {
        assertThat(SmimeReader.thrownByLibrary(thrownAt("org.fmishare.transport.email.internal.SmimeReader",
                "org.fmishare.transport.email.EmailReceiver"))).isFalse();
        assertThat(SmimeReader.thrownByLibrary(thrownAt("java.util.ArrayList",
                "org.fmishare.transport.email.internal.SmimeReader"))).isFalse();
        assertThat(SmimeReader.thrownByLibrary(thrownAt())).isFalse();
    }
}
