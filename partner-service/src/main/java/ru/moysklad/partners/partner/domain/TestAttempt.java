package ru.moysklad.partners.partner.domain;

import java.time.Instant;

/** One attempt of an employee at the partner-program test (S2), with the pass mark in force then. */
public record TestAttempt(String employeeId, int score, int passMark, boolean passed, Instant attemptedAt) {
}
