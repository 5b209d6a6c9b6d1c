package ru.moysklad.partners.partner;

import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class PartnerServiceIT extends ServiceStartsHealthy {
}
