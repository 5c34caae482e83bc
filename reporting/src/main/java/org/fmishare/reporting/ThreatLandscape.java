package org.fmishare.reporting;

import java.util.List;

/**
 * What the cadence planner looks at: the companies, what was shared with them, what they reported, what they asked
 * for, and imminent threats on their platforms.
 *
 * @param companies the companies (meetings are proposed only for these)
 * @param shares threat shares sent, each counted for its recipient
 * @param reports inbound reports from companies
 * @param requests companies' requests to meet
 * @param imminentThreats imminent threats recorded
 */
public record ThreatLandscape(List<org.fmishare.core.model.SocialMediaCompany> companies,
        List<org.fmishare.core.model.ThreatShare> shares, List<org.fmishare.core.model.InboundReport> reports,
        List<MeetingRequest> requests, List<ImminentThreat> imminentThreats) {
    /** Copies every list. */
    public ThreatLandscape {
        companies = List.copyOf(companies);
        shares = List.copyOf(shares);
        reports = List.copyOf(reports);
        requests = List.copyOf(requests);
        imminentThreats = List.copyOf(imminentThreats);
    }
}
