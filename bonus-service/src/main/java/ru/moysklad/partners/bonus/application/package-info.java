/** bonus-service's use cases, one transaction each: marketing activity claims and their decisions. */
package ru.moysklad.partners.bonus.application;
