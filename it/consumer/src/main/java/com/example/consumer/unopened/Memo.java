package com.example.consumer.unopened;

import dev.dynamite.annotation.BeforeCreate;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Validate;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import java.util.Set;

/**
 * A record model in a package the module neither exports nor opens: compiled with the processor, it is read and
 * written through its generated code, with no reflection on it; its validator lives in the same closed package.
 */
public record Memo(@PrimaryKey @Default(generator = UuidGenerator.class) String id,
                   @Validate(NotBlank.class) String text,
                   Set<String> tags,
                   int stars,
                   @Version long version) {
    @BeforeCreate
    void check() {
        if (text != null && text.contains("forbidden")) {
            throw new IllegalArgumentException("no forbidden memos");
        }
    }
}
