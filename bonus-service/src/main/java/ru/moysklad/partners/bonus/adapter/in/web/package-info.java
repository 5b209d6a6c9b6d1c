/** bonus-service's HTTP API: marketing activity claims, their decisions and the catalogue. */
package ru.moysklad.partners.bonus.adapter.in.web;
