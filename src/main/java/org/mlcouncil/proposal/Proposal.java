package org.mlcouncil.proposal;

import java.util.List;

/** An ML proposal after validation: every value present, trimmed and typed. */
public record Proposal(String title, String pod, String businessProblem, String proposedSolution,
                       double estimatedAnnualImpact, double buildCost, double yearlyMaintenanceCost,
                       double rulesImpactShare, boolean thirdPartyOptionExists, Double thirdPartyYearlyCost,
                       boolean engineeringCanBuildUnaided, Blocker biggestBlocker, List<String> team,
                       String technicalLead, List<String> platformComponents, List<String> interestedPeople) {
}
