package com.example.consumer.closed;

import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;

/**
 * A model in a package the module does not open, with a private field: generated code cannot reach it, so Dynamite
 * reads this model by reflection and must say which {@code opens} line is missing.
 */
public class Secret extends Table<Secret> {
    @PrimaryKey private String id;

    public String id() {
        return id;
    }
}
