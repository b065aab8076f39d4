package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The scan policy against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {PagingModels.Entry.class, PagingModels.Owner.class})
class ScanPolicyIT extends ScanPolicyContract {
}
