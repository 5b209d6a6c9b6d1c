package ru.moysklad.partners.lead;

import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class LeadServiceIT extends ServiceStartsHealthy {
}
