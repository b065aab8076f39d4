package com.example.consumer.closed;

import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;

/** A model in a package the module does not open: Dynamite must say which {@code opens} line is missing. */
public class Secret extends Table<Secret> {
    @PrimaryKey public String id;
}
