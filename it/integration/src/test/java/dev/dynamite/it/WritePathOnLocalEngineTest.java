package dev.dynamite.it;

import dev.dynamite.it.WriteModels.Parcel;
import dev.dynamite.it.WriteModels.Tally;
import dev.dynamite.it.WriteModels.Ticket;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The write path on the embedded engine, in process. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Parcel.class, Ticket.class, Tally.class})
class WritePathOnLocalEngineTest extends WritePathContract {
}
