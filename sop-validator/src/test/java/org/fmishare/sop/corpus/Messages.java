package org.fmishare.sop.corpus;

import java.util.List;
import org.fmishare.core.compliance.ClauseIds;
import org.fmishare.core.model.ThreatShare;
import org.fmishare.disclosure.ClauseCatalog;

/** Renders a share as the plain-text message a company receives: narrative, then the mandatory clauses. */
public final class Messages {
    /** The clause ids a prong-1 message carries. */
    public static final List<String> SHARE_CLAUSES = List.of(ClauseIds.NO_REQUEST_NO_OBLIGATION,
            ClauseIds.NO_ADVERSE_ACTION, ClauseIds.VOLUNTARY_PARTICIPATION);

    private Messages() {}

    /**
     * Renders the message.
     *
     * @param share the share
     * @param clauseIds the clauses to include, in order
     * @return the message text
     */
    public static String render(ThreatShare share, List<String> clauseIds) {
        StringBuilder sb = new StringBuilder("Subject: FMI threat information ").append(share.id()).append("\n\n");
        sb.append(share.narrative()).append("\n\nAccounts:\n");
        share.accounts().forEach(a -> sb.append("- ").append(a.ref()).append('\n'));
        sb.append('\n');
        for (String id : clauseIds) {
            sb.append(ClauseCatalog.english().clause(id).orElseThrow().text()).append("\n\n");
        }
        return sb.toString();
    }

    /**
     * Renders the message with every mandatory clause.
     *
     * @param share the share
     * @return the message text
     */
    public static String render(ThreatShare share) {
        return render(share, SHARE_CLAUSES);
    }
}
