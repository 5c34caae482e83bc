package org.fmishare.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fmishare.core.compliance.Verdict;
import org.fmishare.core.json.FmiJson;
import org.fmishare.core.model.Meeting;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.testkit.SampleData;
import org.fmishare.sop.corpus.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SopValidatorTest {
    private static final ThreatShare SHARE = SampleData.passingShare();
    private static final String MESSAGE = Messages.render(SHARE);

    /** An agency rule used by the tests: shares must be marked TLP:AMBER or stricter. */
    public static final class AmberOrStricter implements SopRule {
        @Override
        public String id() {
            return "AGENCY-TLP-AMBER";
        }

        @Override
        public String citation() {
            return "Agency handling policy 4.2: FMI shares are TLP:AMBER or stricter.";
        }

        @Override
        public Set<SubjectKind> appliesTo() {
            return Set.of(SubjectKind.THREAT_SHARE);
        }

        @Override
        public List<Finding> checkShare(ThreatShare share, RuleSet ruleSet) {
            return switch (share.handling()) {
                case CLEAR, GREEN -> List.of(Finding.of(id(), Severity.ERROR, "$.handling", "marked "
                        + share.handling().label(), citation()));
                default -> List.of();
            };
        }
    }

    private static SopRule rule(String id, java.util.function.Function<ThreatShare, List<Finding>> check) {
        return new SopRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String citation() {
                return "Test rule.";
            }

            @Override
            public Set<SubjectKind> appliesTo() {
                return Set.of(SubjectKind.THREAT_SHARE);
            }

            @Override
            public List<Finding> checkShare(ThreatShare share, RuleSet ruleSet) {
                return check.apply(share);
            }
        };
    }

    @Test
    void digestIsSha256OverTheCanonicalJson() throws Exception {
        ComplianceReport report = SopValidator.standard().validate(SampleData.failingShare(),
                Messages.render(SampleData.failingShare()));
        String canonical = ReportRenderer.canonicalJson(report);
        assertThat(canonical).doesNotContain("\n").doesNotContain("\"digest\":\"sha-256:" + report.digest()
                .substring(8));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(report.digest()).isEqualTo("sha-256:" + HexFormat.of().formatHex(hash));
        assertThat(report.summary().reportDigest()).isEqualTo(report.digest());
        assertThat(report.summary().verdict()).isEqualTo(Verdict.FAIL);

        JsonNode json = FmiJson.standard().mapper().readTree(ReportRenderer.json(report));
        assertThat(json.get("digest").asString()).isEqualTo(report.digest());
        assertThat(json.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(json.get("findings").get(0).get("ruleId").asString()).isEqualTo("P1-CHANNEL");
        ((tools.jackson.databind.node.ObjectNode) json).remove("digest");
        assertThat(new org.erdtman.jcs.JsonCanonicalizer(json.toString()).getEncodedString()).isEqualTo(canonical);
    }

    @Test
    void sameInputGivesTheSameDigestAndDifferentInputADifferentOne() {
        SopValidator v = SopValidator.standard();
        assertThat(v.validate(SHARE, MESSAGE).digest()).isEqualTo(v.validate(SHARE, MESSAGE).digest());
        ThreatShare other = SHARE.toBuilder().id("share-2026-0003").build();
        assertThat(v.validate(other, Messages.render(other)).digest()).isNotEqualTo(v.validate(SHARE, MESSAGE)
                .digest());
    }

    @Test
    void textRenderingShowsVerdictFindingSpanAndCitation() {
        ComplianceReport report = SopValidator.standard().validate(SampleData.failingShare(),
                Messages.render(SampleData.failingShare()));
        String text = ReportRenderer.text(report);
        assertThat(text).startsWith("SOP compliance: FAIL\n")
                .contains("P1-NO-COERCION at $.narrative")
                .contains("text [0, 70): \"Please remove these accounts by Friday; we expect you to suspend them.\"")
                .contains("SOP: \"Accordingly, Department personnel should never seek to coerce SMCs")
                .contains("Digest: " + report.digest());
    }

    @Test
    void coercionFindingCarriesFieldPathAndSentenceSpan() {
        Meeting m = SampleData.meeting();
        Meeting withMinutes = new Meeting(m.id(), m.companies(), m.scheduledAt(), m.kind(), m.cadenceJustification(),
                m.trigger(), m.triggerDetail(), m.attendees(), m.fitf(), m.leadingOffice(), m.agenda(),
                m.talkingPoints(), List.of("Tactics were discussed.", "The company described its tooling. The FBI "
                        + "asked the company to ban the accounts. Nothing else."), m.companyConsent());
        ComplianceReport report = SopValidator.standard().validate(withMinutes);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("P2-NO-CONTENT-DIRECTION");
            assertThat(f.path()).isEqualTo("$.minutes[1]");
            assertThat(f.span()).hasValueSatisfying(s -> {
                assertThat(s.text()).isEqualTo("The FBI asked the company to ban the accounts.");
                assertThat(s.start()).isEqualTo(withMinutes.minutes().get(1).indexOf("The FBI"));
                assertThat(s.end()).isEqualTo(withMinutes.minutes().get(1).indexOf(" Nothing"));
            });
        });
    }

    @Test
    void contentOnlyReportIsNeverPass() {
        ComplianceReport report = SopValidator.standard().validateContentOnly(SHARE);
        assertThat(report.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(report.rulesNotEvaluated()).extracting(ComplianceReport.NotEvaluated::ruleId)
                .containsExactly("P1-DISCLOSURES");
        assertThat(report.rulesEvaluated()).doesNotContain("P1-DISCLOSURES");
        assertThat(SopValidator.standard().validate(SHARE, MESSAGE).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void addedRuleRunsAfterBuiltInRules() {
        SopValidator v = SopValidator.builder().addRule(new AmberOrStricter()).build();
        ThreatShare green = SHARE.toBuilder().handling(org.fmishare.core.model.TlpMarking.GREEN).build();
        ComplianceReport report = v.validate(green, Messages.render(green));
        assertThat(report.failedRuleIds()).containsExactly("AGENCY-TLP-AMBER");
        assertThat(report.rulesEvaluated()).endsWith("AGENCY-TLP-AMBER");
        assertThat(v.validate(SHARE, MESSAGE).verdict()).isEqualTo(Verdict.PASS);
        // Rules for other subjects do not run on meetings.
        assertThat(v.validate(SampleData.meeting()).rulesEvaluated()).doesNotContain("AGENCY-TLP-AMBER");
    }

    @Test
    void discoveryIsOptInAndFindsServiceLoaderRules() {
        ThreatShare green = SHARE.toBuilder().handling(org.fmishare.core.model.TlpMarking.GREEN).build();
        assertThat(SopValidator.standard().validate(green, Messages.render(green)).verdict())
                .isEqualTo(Verdict.PASS);
        SopValidator discovering = SopValidator.builder().discoverRules(getClass().getClassLoader()).build();
        assertThat(discovering.validate(green, Messages.render(green)).failedRuleIds())
                .containsExactly("AGENCY-TLP-AMBER");
    }

    @Test
    void failingAddedRuleFailsClosed() {
        SopValidator v = SopValidator.builder()
                .addRule(rule("AGENCY-THROWS", s -> {
                    throw new IllegalStateException("boom");
                }))
                .addRule(rule("AGENCY-NULL", s -> null))
                .addRule(rule("AGENCY-WRONG-ID", s -> List.of(Finding.of("P1-CHANNEL", Severity.INFO, "$", "x",
                        "y"))))
                .build();
        ComplianceReport report = v.validate(SHARE, MESSAGE);
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.failedRuleIds()).containsExactly("AGENCY-THROWS", "AGENCY-NULL", "AGENCY-WRONG-ID");
    }

    @Test
    void builderRejectsMisuse() {
        assertThatThrownBy(() -> SopValidator.builder().addRule(rule("P1-CHANNEL", s -> List.of())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in");
        assertThatThrownBy(() -> SopValidator.builder().addRule(rule("AGENCY-X", s -> List.of()))
                .addRule(rule("AGENCY-X", s -> List.of())).build()).hasMessageContaining("twice");
        assertThatThrownBy(() -> SopValidator.builder().addRule(rule("lower-case", s -> List.of())).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SopValidator.builder().ruleSets(RuleSets.standard()).ruleSets(RuleSets.standard()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SopValidator.standard().validate(SHARE, null)).isInstanceOf(
                NullPointerException.class).hasMessage("renderedMessage");
    }

    @Test
    void findingRejectsMalformedParts() {
        assertThatThrownBy(() -> Finding.of("X", Severity.ERROR, "$", "m", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("AGENCY-X", Severity.ERROR, "narrative", "m", "c"))
                .hasMessageContaining("JSON path");
        assertThatThrownBy(() -> new TextSpan(3, 5, "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        SopValidator v = SopValidator.standard();
        String expected = v.validate(SampleData.failingShare(), Messages.render(SampleData.failingShare())).digest();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> v.validate(SampleData.failingShare(),
                        Messages.render(SampleData.failingShare())).digest()));
            }
            for (Future<String> f : results) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
