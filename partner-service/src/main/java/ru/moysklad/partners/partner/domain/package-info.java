/**
 * Partners and their onboarding in plain Java: who may register (tax ids per country), which account
 * manager a region gets (B5), and which onboarding requirements (S1-S3, P1, P2) a partner meets.
 * partner-service records these facts; it never decides a status (tier-service does).
 */
package ru.moysklad.partners.partner.domain;
