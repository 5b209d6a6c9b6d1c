package ru.moysklad.partners.lead.domain;

/** STANDARD leads go to Partners and above (B6); LARGE and FRANCHISE to Representatives only (B10). */
public enum LeadType { STANDARD, LARGE, FRANCHISE }
