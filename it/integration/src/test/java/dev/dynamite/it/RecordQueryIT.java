package dev.dynamite.it;

import dev.dynamite.it.RecordQueryModels.Person;
import dev.dynamite.it.RecordQueryModels.Reading;
import dev.dynamite.it.RecordQueryModels.Team;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The query suite on record models, against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Person.class, Team.class, Reading.class})
class RecordQueryIT extends RecordQueryContract {
}
