/* ICU's data (see icu_data.S); nothing to call. */
