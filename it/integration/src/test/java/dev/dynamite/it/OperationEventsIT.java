package dev.dynamite.it;

import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Operation events on dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Shop.Customer.class, Shop.Purchase.class})
class OperationEventsIT extends OperationEventsContract {
}
