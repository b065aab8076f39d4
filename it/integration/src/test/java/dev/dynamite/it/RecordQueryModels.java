package dev.dynamite.it;

import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.PrimaryKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@link QueryModels} as records: the query suite runs on both. */
final class RecordQueryModels {
    private RecordQueryModels() {
    }

    public record Person(@PrimaryKey String id, String name, Integer age, Double score, Instant born, Set<String> tags,
                         List<String> nicknames, Boolean active, @Name("status") String state, String teamId,
                         @Name("display name") String displayName, @NonAttribute String note,
                         @DeleteAt String deletedAt) {
    }

    public record Team(@PrimaryKey String id, String name,
                       @HasMany(model = Person.class, foreignKey = "teamId") List<Person> members) {
    }

    public record Reading(@Index String sensor, @IndexSort String at, double value, String payload) {
    }
}
