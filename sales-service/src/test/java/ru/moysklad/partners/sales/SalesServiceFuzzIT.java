package ru.moysklad.partners.sales;

import ru.moysklad.partners.platform.testing.FuzzedService;

/** Every operation of sales-service's API under malformed and hostile requests. */
class SalesServiceFuzzIT extends FuzzedService {
}
