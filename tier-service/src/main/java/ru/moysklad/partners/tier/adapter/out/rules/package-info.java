/**
 * Rule sets as files: every {@code rulesets/*.json} on the classpath, plus those in
 * {@code tier.rule-sets.directory} if set, read once at start and checked (a broken file stops the
 * service with the file's name and the fault).
 */
package ru.moysklad.partners.tier.adapter.out.rules;
