/**
 * The build-time gate that keeps every event schema backward and forward compatible with every
 * version already published, so that old and new services can read each other's messages during a
 * rolling upgrade and a replay of old topics still decodes.
 */
package ru.moysklad.partners.contracts.compat;
