package ru.moysklad.partners.lead.domain;

/** One partner routing considered for a lead: whether it could take it, and why or why not. */
public record CandidateNote(String partnerId, boolean eligible, String note) {
}
