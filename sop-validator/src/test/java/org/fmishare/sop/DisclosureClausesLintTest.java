package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;

import org.fmishare.core.compliance.Disclosure;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.disclosure.ClauseCatalog;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.sop.corpus.Messages;
import org.junit.jupiter.api.Test;

/** The mandatory clauses themselves must read as non-coercive, or quoting them in a narrative would fail a share. */
class DisclosureClausesLintTest {
    @Test
    void everyMandatoryClauseIsCleanUnderTheCoercionLinter() {
        ClauseCatalog catalog = ClauseCatalog.english();
        for (MessageKind kind : MessageKind.values()) {
            for (Disclosure clause : catalog.mandatoryFor(kind)) {
                ThreatShare share = SampleData.passingShare().toBuilder().narrative(clause.text()).build();
                ComplianceReport report = SopValidator.standard().validate(share, Messages.render(share));
                assertThat(report.verdict()).as(clause.id() + "\n" + ReportRenderer.text(report))
                        .isEqualTo(Verdict.PASS);
            }
        }
    }
}
