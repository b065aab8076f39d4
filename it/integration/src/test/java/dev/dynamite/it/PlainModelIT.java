package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Plain model classes against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {PlainModelContract.Invoice.class,
        PlainModelContract.Customer.class})
class PlainModelIT extends PlainModelContract {
}
