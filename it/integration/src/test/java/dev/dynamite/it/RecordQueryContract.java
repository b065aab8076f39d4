package dev.dynamite.it;

import dev.dynamite.it.RecordQueryModels.Person;
import dev.dynamite.it.RecordQueryModels.Reading;
import dev.dynamite.it.RecordQueryModels.Team;

/** The query suite on the record models of {@link RecordQueryModels}. */
abstract class RecordQueryContract extends QueryContract<Person, Reading> {
    RecordQueryContract() {
        super(Person.class, Reading.class, Team.class);
    }
}
