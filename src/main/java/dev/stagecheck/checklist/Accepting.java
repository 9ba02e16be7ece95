package dev.stagecheck.checklist;

import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.report.Attachments;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.Findings;

import java.util.Collection;

/** A check's findings without the ones the profile accepts; those go to the report as "Accepted findings". */
final class Accepting {
    private Accepting() {
    }

    /** @param lookedFor the kinds this check looks for everywhere (see {@link AcceptedFindings#sort}) */
    static Findings sort(SiteProfile profile, Findings findings, Collection<FindingKind> lookedFor) {
        var sorted = AcceptedFindings.ofThisRun(profile).sort(findings.all(), lookedFor);
        Attachments.accepted(sorted);
        return Findings.of(sorted.failing());
    }
}
