package org.fmishare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fmishare.core.compliance.ComplianceSummary;
import org.fmishare.core.envelope.EnvelopeBody;
import org.fmishare.core.envelope.EnvelopeSigner;
import org.fmishare.core.envelope.SignedEnvelope;
import org.fmishare.core.keys.Credentials;
import org.fmishare.core.keys.SigningCredential;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.DisclosureRenderer;
import org.fmishare.disclosure.Format;
import org.fmishare.disclosure.RenderedMessage;
import org.fmishare.sop.SopValidator;
import org.fmishare.testkit.SampleData;

/**
 * Envelopes a dishonest or broken sender could produce with the SDK's lowest-level signing API: a share whose
 * narrative is coercive, signed with the PASS summary of the genuine sample share.
 */
final class CoerciveEnvelopes {
    static final String DEMAND = "We expect you to remove every account listed here by Friday.";

    private CoerciveEnvelopes() {}

    static ThreatShare coerciveShare() {
        return SampleData.passingShare().toBuilder().narrative(DEMAND).build();
    }

    /** {@return the summary the standard validator gives the genuine sample share: PASS} */
    static ComplianceSummary genuinePass() {
        ThreatShare share = SampleData.passingShare();
        return SopValidator.standard().validate(share, DisclosureRenderer.standard().renderShare(share, Format.TEXT)
                .body()).summary();
    }

    /**
     * Signs the coercive share with the sender keystore {@code keys init} wrote, claiming the genuine PASS.
     *
     * @return the envelope file
     */
    static Path write(Path keys, String password, Path out) throws IOException {
        SigningCredential sender = Credentials.fromPkcs12(Files.readAllBytes(keys.resolve("sender.p12")),
                password.toCharArray());
        ThreatShare share = coerciveShare();
        RenderedMessage message = DisclosureRenderer.standard().renderShare(share, Format.TEXT);
        SignedEnvelope lie = EnvelopeSigner.builder(sender, share.sendingOffice().id()).build()
                .sign(new EnvelopeBody.Share(share), genuinePass(), message.disclosures());
        Files.write(out, lie.serialized());
        return out;
    }
}
