package com.example.consumer.unopened;

import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.UpdatedAt;

/** An active-record model in the closed package: its instance methods run through its generated code too. */
public class Pin extends Table<Pin> {
    @PrimaryKey public String id;
    public String label;
    public int hits;
    @UpdatedAt public String updatedAt;
}
