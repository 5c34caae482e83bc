package org.fmishare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fmishare.audit.AuditException;
import org.fmishare.audit.ResponseException;
import org.fmishare.core.FmiShareException;
import org.fmishare.core.FmiShareException.Kind;
import org.fmishare.core.envelope.EnvelopeException;
import org.fmishare.core.json.JsonCodecException;
import org.fmishare.core.keys.KeyMaterialException;
import org.fmishare.core.model.InvalidModelException;
import org.fmishare.core.transport.TransportException;
import org.fmishare.delivery.HandlingException;
import org.fmishare.delivery.outbox.OutboxException;
import org.fmishare.disclosure.ClauseResult;
import org.fmishare.disclosure.ClauseState;
import org.fmishare.disclosure.DisclosureException;
import org.fmishare.disclosure.DisclosureReport;
import org.fmishare.disclosure.MessageKind;
import org.fmishare.reporting.ReportingException;
import org.fmishare.sop.InvalidRuleSetException;
import org.fmishare.sop.NoRuleSetInForceException;
import org.fmishare.sop.RuleSetIoException;
import org.fmishare.transport.email.EmailTransportException;
import org.fmishare.transport.https.HttpsTransportException;
import org.fmishare.transport.taxii.TaxiiException;
import org.fmishare.transport.taxii.TaxiiStatus;
import org.fmishare.transport.taxii.stix.StixMappingException;
import org.junit.jupiter.api.Test;

/**
 * The exception model of the whole SDK, checked over the main code of every module (this module depends on all of
 * them): every family is closed, and every concrete exception reports the kind its javadoc documents.
 */
class ExceptionModelTest {
    private static final Kind IN = Kind.INPUT_REJECTED;
    private static final Kind PROC = Kind.PROCESSING_FAILED;

    /** The documented kind of every concrete exception; a new exception type must be added here. */
    private static final Map<Class<?>, Kind> DOCUMENTED = Map.ofEntries(
            Map.entry(KeyMaterialException.class, IN),
            Map.entry(TransportException.class, IN), // the kind it is given; see transportExceptionCarriesItsKind
            Map.entry(InvalidModelException.class, IN),
            Map.entry(JsonCodecException.Malformed.class, IN),
            Map.entry(JsonCodecException.DuplicateKey.class, IN),
            Map.entry(JsonCodecException.TrailingContent.class, IN),
            Map.entry(JsonCodecException.UnknownProperty.class, IN),
            Map.entry(JsonCodecException.WrongType.class, IN),
            Map.entry(JsonCodecException.InvalidValue.class, IN),
            Map.entry(JsonCodecException.TooLarge.class, IN),
            Map.entry(JsonCodecException.WriteFailed.class, PROC),
            Map.entry(EnvelopeException.Rejected.class, IN),
            Map.entry(EnvelopeException.ProcessingFailed.class, PROC),
            Map.entry(OutboxException.StorageFailed.class, PROC),
            Map.entry(OutboxException.UnknownEnvelope.class, IN),
            Map.entry(OutboxException.IllegalTransition.class, IN),
            Map.entry(HandlingException.NoCompanyRecord.class, IN),
            Map.entry(HandlingException.AboveClearance.class, IN),
            Map.entry(HandlingException.RedRecipientNotNamed.class, IN),
            Map.entry(AuditException.StorageFailed.class, PROC),
            Map.entry(ResponseException.NotAResponse.class, IN),
            Map.entry(ResponseException.UnknownEnvelope.class, IN),
            Map.entry(ResponseException.WrongCompany.class, IN),
            Map.entry(ResponseException.Conflict.class, IN),
            Map.entry(AuditException.RecordMalformed.class, IN),
            Map.entry(AuditException.RecordAltered.class, IN),
            Map.entry(AuditException.ChainBroken.class, IN),
            Map.entry(AuditException.SequenceBroken.class, IN),
            Map.entry(AuditException.SealInvalid.class, IN),
            Map.entry(AuditException.SealMissing.class, IN),
            Map.entry(AuditException.SealerNotAuthorized.class, IN),
            Map.entry(AuditException.LogEmpty.class, IN),
            Map.entry(DisclosureException.TemplateRejected.class, IN),
            Map.entry(DisclosureException.RenderCheckFailed.class, IN),
            Map.entry(DisclosureException.MissingTranslation.class, PROC),
            Map.entry(DisclosureException.DisclosuresMissing.class, IN),
            Map.entry(DisclosureException.CatalogCorrupt.class, PROC),
            Map.entry(InvalidRuleSetException.class, IN),
            Map.entry(NoRuleSetInForceException.class, IN),
            Map.entry(RuleSetIoException.class, PROC),
            Map.entry(org.fmishare.sop.ReviewException.NotReviewable.class, IN),
            Map.entry(org.fmishare.sop.ReviewException.ErrorNotApprovable.class, IN),
            Map.entry(org.fmishare.sop.ReviewException.UnknownFinding.class, IN),
            Map.entry(org.fmishare.sop.ReviewException.Uncovered.class, IN),
            Map.entry(ReportingException.WriteFailed.class, PROC),
            Map.entry(ReportingException.ChartFailed.class, PROC),
            Map.entry(EmailTransportException.HeaderRejected.class, IN),
            Map.entry(EmailTransportException.MessageMalformed.class, IN),
            Map.entry(EmailTransportException.SmimeVerificationFailed.class, IN),
            Map.entry(EmailTransportException.DecryptionFailed.class, IN),
            Map.entry(EmailTransportException.EnvelopeRejected.class, IN), // the kind of its cause, here Rejected
            Map.entry(EmailTransportException.DisclosuresRejected.class, IN),
            Map.entry(EmailTransportException.BodyUnavailable.class, IN),
            Map.entry(EmailTransportException.DeliveryFailed.class, PROC),
            Map.entry(EmailTransportException.SmimeFailed.class, PROC),
            Map.entry(EmailTransportException.SignerMismatch.class, IN),
            Map.entry(EmailTransportException.BodyMismatch.class, IN),
            Map.entry(EmailTransportException.StoreFailed.class, PROC),
            Map.entry(HttpsTransportException.InvalidConfiguration.class, IN),
            Map.entry(HttpsTransportException.DestinationRefused.class, IN),
            Map.entry(HttpsTransportException.ServerFailure.class, PROC),
            Map.entry(HttpsTransportException.EnvelopeRefused.class, IN),
            Map.entry(HttpsTransportException.ReceiveFailed.class, PROC),
            Map.entry(TaxiiException.HttpError.class, IN), // status 400 here; see taxiiHttpErrors
            Map.entry(TaxiiException.AuthenticationFailed.class, IN),
            Map.entry(TaxiiException.MediaTypeRejected.class, IN),
            Map.entry(TaxiiException.ConnectionFailed.class, PROC),
            Map.entry(TaxiiException.ProtocolViolation.class, PROC),
            Map.entry(TaxiiException.StatusTimeout.class, PROC),
            Map.entry(TaxiiException.NotPermitted.class, IN),
            Map.entry(TaxiiException.ContentTooLarge.class, IN),
            Map.entry(TaxiiException.InsecureEndpoint.class, IN),
            Map.entry(StixMappingException.class, IN));

    // Main code only: test classes and the test jars some modules publish are not part of the model.
    private static final List<Class<?>> MAIN_THROWABLES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.fmishare").stream()
            .filter(c -> c.isAssignableTo(Throwable.class))
            .map(JavaClass::reflect)
            .sorted(Comparator.comparing(Class::getName))
            .collect(Collectors.toList());

    @Test
    void everyExceptionInMainCodeIsFinalOrSealed() {
        assertThat(MAIN_THROWABLES).as("exceptions found in main code").hasSizeGreaterThan(DOCUMENTED.size());
        List<String> open = MAIN_THROWABLES.stream()
                .filter(c -> !Modifier.isFinal(c.getModifiers()) && !c.isSealed())
                .filter(c -> c != FmiShareException.class) // the root is open so each module can add its family
                .map(Class::getName).toList();
        assertThat(open).as("exception types that are neither final nor sealed").isEmpty();
    }

    @Test
    void everyFamilyHangsOffTheRootAndListsItsSubtypes() {
        Set<String> families = MAIN_THROWABLES.stream()
                .filter(c -> c.getSuperclass() == FmiShareException.class)
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(families).containsExactlyInAnyOrder("AuditException", "DisclosureException",
                "EmailTransportException", "EnvelopeException", "HandlingException", "HttpsTransportException",
                "InvalidModelException",
                "JsonCodecException", "KeyMaterialException", "OutboxException", "ReportingException",
                "ResponseException", "SopException", "StixMappingException", "TaxiiException", "TransportException");
        for (Class<?> c : MAIN_THROWABLES) {
            if (c.isSealed()) {
                for (Class<?> sub : c.getPermittedSubclasses()) {
                    assertThat(MAIN_THROWABLES).as("permitted subtype of " + c.getName()).contains(sub);
                }
            }
        }
    }

    @Test
    void everyConcreteExceptionHasItsDocumentedKind() throws Exception {
        Set<Class<?>> concrete = MAIN_THROWABLES.stream()
                .filter(FmiShareException.class::isAssignableFrom)
                .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .collect(Collectors.toSet());
        assertThat(DOCUMENTED.keySet()).as("documented kinds cover exactly the concrete exceptions")
                .containsExactlyInAnyOrderElementsOf(concrete);
        for (Class<?> c : concrete) {
            FmiShareException e = instance(c);
            assertThat(e.kind()).as(c.getName()).isEqualTo(DOCUMENTED.get(c));
            assertThat(e.isInputRejection()).as(c.getName()).isEqualTo(DOCUMENTED.get(c) == IN);
            assertThat(e.getMessage()).as(c.getName()).isNotBlank();
            Optional<Boolean> retryable = retryable(e);
            if (e.isInputRejection()) {
                assertThat(retryable).as("an input rejection is never retryable: " + c.getName())
                        .isNotEqualTo(Optional.of(true));
            }
        }
    }

    @Test
    void retryabilityIsModelledOnTheTransportFamiliesOnly() throws Exception {
        for (Class<?> c : DOCUMENTED.keySet()) {
            boolean transport = EmailTransportException.class.isAssignableFrom(c)
                    || HttpsTransportException.class.isAssignableFrom(c) || TaxiiException.class.isAssignableFrom(c);
            assertThat(retryable(instance(c)).isPresent()).as(c.getName()).isEqualTo(transport);
        }
        assertThat(retryable(instance(TaxiiException.ConnectionFailed.class))).contains(true);
        assertThat(retryable(instance(TaxiiException.ProtocolViolation.class))).contains(true);
        assertThat(retryable(instance(TaxiiException.StatusTimeout.class))).contains(true);
        assertThat(retryable(instance(HttpsTransportException.ReceiveFailed.class))).contains(true);
        assertThat(retryable(instance(HttpsTransportException.ServerFailure.class))).contains(false);
        assertThat(retryable(instance(EmailTransportException.SmimeFailed.class))).contains(false);
        assertThat(retryable(instance(EmailTransportException.StoreFailed.class))).contains(true);
        for (EmailTransportException.DeliveryFailed.Reason r : EmailTransportException.DeliveryFailed.Reason.values()) {
            var e = new EmailTransportException.DeliveryFailed(r, 0, "smtp", new IllegalStateException("cause"));
            assertThat(e.retryable()).as(r.name()).isEqualTo(r.retryable());
            assertThat(e.isInputRejection()).isFalse();
        }
    }

    @Test
    void taxiiHttpErrorsAreInputRejectionsExactlyFor4xxOtherThan408And429() {
        URI uri = URI.create("https://taxii.example/api/");
        for (int status : new int[] {302, 400, 403, 404, 408, 413, 422, 429, 500, 503}) {
            var e = new TaxiiException.HttpError(uri, status, "title", null, null, null);
            boolean serverSide = status == 408 || status == 429 || status >= 500;
            assertThat(e.retryable()).as("retryable " + status).isEqualTo(serverSide);
            assertThat(e.isInputRejection()).as("input " + status)
                    .isEqualTo(status >= 400 && status < 500 && !serverSide);
        }
    }

    @Test
    void transportExceptionCarriesItsKind() {
        for (Kind k : Kind.values()) {
            assertThat(new TransportException(k, "no transport for 'gopher:'").kind()).isEqualTo(k);
        }
    }

    @Test
    void envelopeExceptionsNameTheirCheckFirstAndOnlyProcessingFailuresCarryProcessing() throws Exception {
        for (EnvelopeException.Check check : EnvelopeException.Check.values()) {
            Constructor<EnvelopeException.Rejected> ctor = EnvelopeException.Rejected.class
                    .getDeclaredConstructor(EnvelopeException.Check.class, String.class);
            ctor.setAccessible(true);
            if (check == EnvelopeException.Check.PROCESSING) {
                assertThatThrownBy(() -> ctor.newInstance(check, "x"))
                        .hasCauseInstanceOf(IllegalArgumentException.class);
                continue;
            }
            EnvelopeException e = ctor.newInstance(check, "detail");
            assertThat(e.check()).isEqualTo(check);
            assertThat(e.getMessage()).isEqualTo(check.label() + ": detail");
            assertThat(e.isInputRejection()).isTrue();
        }
        EnvelopeException p = (EnvelopeException) instance(EnvelopeException.ProcessingFailed.class);
        assertThat(p.check()).isEqualTo(EnvelopeException.Check.PROCESSING);
        assertThat(p.getMessage()).startsWith("processing: ");
    }

    private static Optional<Boolean> retryable(FmiShareException e) throws Exception {
        try {
            return Optional.of((Boolean) e.getClass().getMethod("retryable").invoke(e));
        } catch (NoSuchMethodException none) {
            return Optional.empty();
        }
    }

    /** Builds an instance through its widest constructor (most exception constructors are package-private). */
    private static FmiShareException instance(Class<?> type) throws ReflectiveOperationException {
        if (type == InvalidModelException.class) {
            return InvalidModelException.of("ThreatShare", "id", "NotBlank", "must not be blank");
        }
        Constructor<?> widest = Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        widest.setAccessible(true);
        Object[] args = Arrays.stream(widest.getParameterTypes()).map(ExceptionModelTest::sample).toArray();
        return (FmiShareException) widest.newInstance(args);
    }

    private static Object sample(Class<?> type) {
        try {
            if (type == String.class) {
                return "detail";
            } else if (type == Throwable.class) {
                return new IllegalStateException("cause");
            } else if (type == int.class) {
                return 400; // a TAXII HttpError's status; no other int parameter cares
            } else if (type == long.class) {
                return 1L;
            } else if (type == URI.class) {
                return URI.create("https://taxii.example/api/");
            } else if (type == Locale.class) {
                return Locale.FRENCH;
            } else if (type == LocalDate.class) {
                return LocalDate.of(2024, 1, 1);
            } else if (type.isEnum()) {
                return type.getEnumConstants()[0];
            } else if (type == EnvelopeException.class) {
                return instance(EnvelopeException.Rejected.class);
            } else if (type == DisclosureReport.class) {
                return new DisclosureReport(MessageKind.values()[0], List.of(new ClauseResult("no-request", 1,
                        "sha-256:00", ClauseState.values()[ClauseState.values().length - 1], Optional.empty())));
            } else if (type == List.class) {
                return List.of("P1-US-PERSON-GUARD@$.accounts[3]"); // a review finding id list
            } else if (type == TaxiiStatus.class) {
                return new TaxiiStatus("status--1", false, 1, 0, 0, 1, List.of(), List.of(), List.of());
            } else if (type.isRecord()) {
                RecordComponent[] parts = type.getRecordComponents();
                Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
                return type.getDeclaredConstructor(types).newInstance(
                        Arrays.stream(types).map(ExceptionModelTest::sample).toArray());
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a sample " + type.getName(), e);
        }
        throw new AssertionError("no sample for constructor parameter type " + type.getName());
    }
}
