package ru.moysklad.partners.tier;

import java.util.Set;

import ru.moysklad.partners.platform.testing.FuzzedService;

/** Every operation of tier-service's API under malformed and hostile requests. */
class TierServiceFuzzIT extends FuzzedService {

    /** A rebuild takes no input; hundreds of them would only keep the engine replaying its log under the other tests. */
    @Override
    protected Set<String> skipped() {
        return Set.of("POST /api/tier/rebuild");
    }
}
