package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Plain model classes on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PlainModelContract.Invoice.class, PlainModelContract.Customer.class})
class PlainModelOnLocalEngineTest extends PlainModelContract {
}
