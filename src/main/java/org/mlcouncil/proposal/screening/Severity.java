package org.mlcouncil.proposal.screening;

/** How much a finding matters: a BLOCKER sends the proposal back to the proposer. */
public enum Severity {
  BLOCKER, WARNING, INFO
}
