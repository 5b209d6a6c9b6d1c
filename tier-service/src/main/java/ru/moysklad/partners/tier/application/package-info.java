/** Use cases of tier-service; each is one transaction over the domain's ports. */
package ru.moysklad.partners.tier.application;
