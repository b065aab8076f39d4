package dev.dynamite.it;

import dev.dynamite.it.WriteModels.Parcel;
import dev.dynamite.it.WriteModels.Tally;
import dev.dynamite.it.WriteModels.Ticket;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The write path against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Parcel.class, Ticket.class, Tally.class})
class WritePathIT extends WritePathContract {
}
