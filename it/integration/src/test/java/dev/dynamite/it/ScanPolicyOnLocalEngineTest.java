package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The scan policy on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PagingModels.Entry.class, PagingModels.Owner.class})
class ScanPolicyOnLocalEngineTest extends ScanPolicyContract {
}
