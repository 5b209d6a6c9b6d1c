/** Time as a trigger: the daily checks, on the program time zone's clock. */
package ru.moysklad.partners.sales.adapter.in.schedule;
