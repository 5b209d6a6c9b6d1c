package ru.moysklad.partners.bonus.domain;

/** A claim waits for vendor staff, who approve it (it counts) or reject it (with a reason). */
public enum ClaimState { SUBMITTED, APPROVED, REJECTED }
