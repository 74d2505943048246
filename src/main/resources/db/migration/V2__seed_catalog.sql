-- Catalogue as the Hamm workshops named it, with labels in the languages of the kiosks.

INSERT INTO target_group (code, active, position) VALUES
    ('PARENTS', TRUE, 10),
    ('SINGLE_HOUSEHOLD', TRUE, 20),
    ('MIGRATION', TRUE, 30),
    ('OTHER', TRUE, 90);

INSERT INTO topic (code, active, position) VALUES
    ('COUNSELLING_RELATIONSHIP', TRUE, 10),
    ('INDIVIDUAL_SITUATION', TRUE, 20),
    ('THIRD_PARTY_SERVICES', TRUE, 30),
    ('PRAISE', TRUE, 40),
    ('OTHER', TRUE, 90);

INSERT INTO catalog_label (kind, code, lang, label, description) VALUES
    ('TARGET_GROUP', 'PARENTS', 'de', 'Erziehende', 'Mütter, Väter und andere Menschen, die Kinder erziehen oder Angehörige pflegen.'),
    ('TARGET_GROUP', 'PARENTS', 'en', 'Parents and carers', 'Mothers, fathers and others who raise children or care for relatives.'),
    ('TARGET_GROUP', 'PARENTS', 'uk', 'Батьки та опікуни', 'Матері, батьки та інші люди, які виховують дітей або доглядають за родичами.'),
    ('TARGET_GROUP', 'PARENTS', 'ar', 'الآباء والأمهات ومقدمو الرعاية', 'الأمهات والآباء وغيرهم ممن يربون الأطفال أو يرعون أقاربهم.'),
    ('TARGET_GROUP', 'PARENTS', 'tr', 'Ebeveynler ve bakım verenler', 'Çocuk yetiştiren veya yakınlarına bakan anneler, babalar ve diğer kişiler.'),
    ('TARGET_GROUP', 'PARENTS', 'ru', 'Родители и опекуны', 'Матери, отцы и другие люди, которые воспитывают детей или ухаживают за родственниками.'),

    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'de', 'Alleinstehende und Single-Bedarfsgemeinschaften', 'Menschen, die allein leben und allein eine Bedarfsgemeinschaft bilden.'),
    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'en', 'People living alone and single-person households', 'People who live alone and form a benefit household on their own.'),
    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'uk', 'Самотні люди та одноосібні домогосподарства', 'Люди, які живуть самі й самостійно утворюють домогосподарство.'),
    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'ar', 'الأشخاص الذين يعيشون بمفردهم', 'أشخاص يعيشون بمفردهم ويشكلون أسرة معيشية منفردة.'),
    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'tr', 'Yalnız yaşayanlar ve tek kişilik haneler', 'Yalnız yaşayan ve tek başına bir hane oluşturan kişiler.'),
    ('TARGET_GROUP', 'SINGLE_HOUSEHOLD', 'ru', 'Одинокие люди и домохозяйства из одного человека', 'Люди, которые живут одни и самостоятельно образуют домохозяйство.'),

    ('TARGET_GROUP', 'MIGRATION', 'de', 'Menschen mit Migrationshintergrund und Geflüchtete', 'Menschen, die nach Deutschland eingewandert oder geflüchtet sind, auch aus der Ukraine.'),
    ('TARGET_GROUP', 'MIGRATION', 'en', 'People with a migration background and refugees', 'People who immigrated to or fled to Germany, including from Ukraine.'),
    ('TARGET_GROUP', 'MIGRATION', 'uk', 'Люди з міграційним досвідом і біженці', 'Люди, які іммігрували або втекли до Німеччини, зокрема з України.'),
    ('TARGET_GROUP', 'MIGRATION', 'ar', 'الأشخاص من أصول مهاجرة واللاجئون', 'أشخاص هاجروا أو لجأوا إلى ألمانيا، ومنهم القادمون من أوكرانيا.'),
    ('TARGET_GROUP', 'MIGRATION', 'tr', 'Göçmen kökenli kişiler ve mülteciler', 'Almanya''ya göç etmiş veya sığınmış kişiler, Ukrayna''dan gelenler dahil.'),
    ('TARGET_GROUP', 'MIGRATION', 'ru', 'Люди с миграционным прошлым и беженцы', 'Люди, которые иммигрировали или бежали в Германию, в том числе из Украины.'),

    ('TARGET_GROUP', 'OTHER', 'de', 'Andere', 'Alle, die sich keiner der anderen Gruppen zuordnen.'),
    ('TARGET_GROUP', 'OTHER', 'en', 'Others', 'Everyone who does not belong to one of the other groups.'),
    ('TARGET_GROUP', 'OTHER', 'uk', 'Інші', 'Усі, хто не належить до жодної з інших груп.'),
    ('TARGET_GROUP', 'OTHER', 'ar', 'أخرى', 'كل من لا ينتمي إلى إحدى المجموعات الأخرى.'),
    ('TARGET_GROUP', 'OTHER', 'tr', 'Diğer', 'Diğer gruplardan birine ait olmayan herkes.'),
    ('TARGET_GROUP', 'OTHER', 'ru', 'Другие', 'Все, кто не относится ни к одной из других групп.'),

    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'de', 'Aufbau der Beratungsbeziehung', 'Vertrauen, Erreichbarkeit, feste Ansprechpersonen, Zeit im Gespräch.'),
    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'en', 'Building the counselling relationship', 'Trust, reachability, a steady contact person, time in the conversation.'),
    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'uk', 'Побудова консультаційних стосунків', 'Довіра, доступність, постійна контактна особа, час для розмови.'),
    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'ar', 'بناء علاقة الاستشارة', 'الثقة، وسهولة التواصل، وشخص اتصال ثابت، والوقت الكافي للحديث.'),
    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'tr', 'Danışmanlık ilişkisinin kurulması', 'Güven, ulaşılabilirlik, sabit bir muhatap, görüşmede yeterli zaman.'),
    ('TOPIC', 'COUNSELLING_RELATIONSHIP', 'ru', 'Построение консультационных отношений', 'Доверие, доступность, постоянное контактное лицо, время для беседы.'),

    ('TOPIC', 'INDIVIDUAL_SITUATION', 'de', 'Berücksichtigung der individuellen Situation', 'Kinderbetreuung, Gesundheit, Sprache, Wohnsituation und was sonst das Leben prägt.'),
    ('TOPIC', 'INDIVIDUAL_SITUATION', 'en', 'Taking the individual situation into account', 'Childcare, health, language, housing and whatever else shapes a life.'),
    ('TOPIC', 'INDIVIDUAL_SITUATION', 'uk', 'Урахування індивідуальної ситуації', 'Догляд за дітьми, здоров’я, мова, житло та все інше, що визначає життя.'),
    ('TOPIC', 'INDIVIDUAL_SITUATION', 'ar', 'مراعاة الوضع الفردي', 'رعاية الأطفال والصحة واللغة والسكن وكل ما يؤثر في الحياة.'),
    ('TOPIC', 'INDIVIDUAL_SITUATION', 'tr', 'Bireysel durumun dikkate alınması', 'Çocuk bakımı, sağlık, dil, konut ve hayatı etkileyen diğer her şey.'),
    ('TOPIC', 'INDIVIDUAL_SITUATION', 'ru', 'Учёт индивидуальной ситуации', 'Уход за детьми, здоровье, язык, жильё и всё остальное, что определяет жизнь.'),

    ('TOPIC', 'THIRD_PARTY_SERVICES', 'de', 'Informationen zu Angeboten Dritter (z. B. Mieterbund, Schuldnerberatung)', 'Hinweise auf Hilfe außerhalb des Jobcenters.'),
    ('TOPIC', 'THIRD_PARTY_SERVICES', 'en', 'Information about third-party services (e.g. tenants'' association, debt counselling)', 'Pointers to help outside the jobcenter.'),
    ('TOPIC', 'THIRD_PARTY_SERVICES', 'uk', 'Інформація про послуги третіх сторін (наприклад, спілка орендарів, консультації з боргів)', 'Вказівки на допомогу поза джобцентром.'),
    ('TOPIC', 'THIRD_PARTY_SERVICES', 'ar', 'معلومات عن خدمات جهات أخرى (مثل رابطة المستأجرين، استشارات الديون)', 'إرشادات إلى المساعدة خارج مركز العمل.'),
    ('TOPIC', 'THIRD_PARTY_SERVICES', 'tr', 'Üçüncü taraf hizmetleri hakkında bilgi (ör. kiracılar derneği, borç danışmanlığı)', 'Jobcenter dışındaki yardımlara dair bilgiler.'),
    ('TOPIC', 'THIRD_PARTY_SERVICES', 'ru', 'Информация об услугах третьих лиц (например, союз арендаторов, консультации по долгам)', 'Указания на помощь вне джобцентра.'),

    ('TOPIC', 'PRAISE', 'de', 'Lob', 'Was gut gelaufen ist und so bleiben soll.'),
    ('TOPIC', 'PRAISE', 'en', 'Praise', 'What went well and should stay that way.'),
    ('TOPIC', 'PRAISE', 'uk', 'Похвала', 'Що вдалося і має залишитися так.'),
    ('TOPIC', 'PRAISE', 'ar', 'ثناء', 'ما سار بشكل جيد ويجب أن يبقى كذلك.'),
    ('TOPIC', 'PRAISE', 'tr', 'Övgü', 'İyi giden ve böyle kalması gerekenler.'),
    ('TOPIC', 'PRAISE', 'ru', 'Похвала', 'Что получилось хорошо и должно остаться так.'),

    ('TOPIC', 'OTHER', 'de', 'Sonstiges', 'Alles, was in kein anderes Thema passt.'),
    ('TOPIC', 'OTHER', 'en', 'Other', 'Anything that fits no other topic.'),
    ('TOPIC', 'OTHER', 'uk', 'Інше', 'Усе, що не підходить до інших тем.'),
    ('TOPIC', 'OTHER', 'ar', 'أخرى', 'كل ما لا يندرج تحت موضوع آخر.'),
    ('TOPIC', 'OTHER', 'tr', 'Diğer', 'Başka bir konuya uymayan her şey.'),
    ('TOPIC', 'OTHER', 'ru', 'Другое', 'Всё, что не подходит ни к одной другой теме.');

-- Each language names itself, so a kiosk can offer it to people who do not read German.
INSERT INTO wish_language (code, label, direction, active, position) VALUES
    ('de', 'Deutsch', 'ltr', TRUE, 10),
    ('en', 'English', 'ltr', TRUE, 20),
    ('uk', 'Українська', 'ltr', TRUE, 30),
    ('ru', 'Русский', 'ltr', TRUE, 40),
    ('ar', 'العربية', 'rtl', TRUE, 50),
    ('tr', 'Türkçe', 'ltr', TRUE, 60),
    ('fa', 'فارسی', 'rtl', TRUE, 70),
    ('ps', 'پښتو', 'rtl', TRUE, 80),
    ('pl', 'Polski', 'ltr', TRUE, 90),
    ('ro', 'Română', 'ltr', TRUE, 100),
    ('bg', 'Български', 'ltr', TRUE, 110);
