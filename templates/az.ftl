### azint-report-un məlumatların ətrafında yazdığı sözlər: Azərbaycan dili.
###
### The Azerbaijani catalogue: every message of templates/en-GB.ftl, with
### the same ids and the same variables (see the English file for what
### each message is and what its variables hold). A desk corrects a phrase
### by copying this file into its `--templates` folder as `az.ftl`.
###
### Numbers, dates and lists arrive written the CLDR way for az ("2.500",
### "12 fevral 2026", "A, B və C"). Azerbaijani keeps a noun after a
### numeral in the singular ("5 hadisə"), so most counts need no plural
### form. A case ending never follows a variable here (it would depend on
### the number's last sound: "2024-cü"): sentences are built around it.
###
### ICD 203's likelihood words and the Admiralty grades have no official
### Azerbaijani wording: the translations here are the desk's.

## Dates and spans.

date-span-days = { $from }–{ $until }
date-span-days-of-year = { $from } – { $until }
date-span-months = { $from }–{ $until }
date-span-years = { $from }–{ $until }
date-span = { $from } – { $until }

## Page furniture, links and descriptions for screen readers.

contents = Mündəricat
task-done = Yerinə yetirilib
task-not-done = Yerinə yetirilməyib
image-without-alt = Şəkil { $src }
link-to-section = «{ $title }» bölməsinə keçid
link-to-note = Haşiyə { $number }
link-back-to-note = Haşiyəyə istinad olunan yerə qayıt: { $number }
link-to-uri = Keçid: { $url }
link-to-place = Bu sənəddə başqa yerə keçid
link-elsewhere = Keçid

## The summary's words.

chronology-begun-before = İlk ildən ({ $year }) əvvəl başlayanlar
chronology-month-not-known = { $year }, ayı məlum deyil
kind-name = { $kind ->
    [summit] Sammit
    [visit] Səfər
    [agreement] Saziş
    [membership] Üzvlük
    [chairmanship] Sədrlik
    [resolution] Qətnamə
    [programme] Proqram
    [contract] Müqavilə
    [infrastructure] İnfrastruktur
    [mission] Nümayəndəlik
    [statement] Bəyanat
   *[other] Digər
}
partner-kind = { $kind ->
    [country] ölkə
    [organisation] beynəlxalq təşkilat
    [company] şirkət
    [domestic] Azərbaycan qurumu
   *[group] dövlətlər qrupu
}
partner-kind-counted = { $kind ->
    [country] { $count ->
       *[other] ölkə
    }
    [organisation] { $count ->
       *[other] beynəlxalq təşkilat
    }
    [company] { $count ->
       *[other] şirkət
    }
    [domestic] { $count ->
       *[other] Azərbaycan qurumu
    }
   *[group] { $count ->
       *[other] dövlətlər qrupu
    }
}
region-name = { $region ->
    [europe] Avropa
    [south-caucasus] Cənubi Qafqaz
    [central-asia] Mərkəzi Asiya
    [russia-eastern-europe] Rusiya və Şərqi Avropa
    [middle-east] Yaxın Şərq
    [south-asia] Cənubi Asiya
    [east-southeast-asia] Şərqi və Cənub-Şərqi Asiya
    [africa] Afrika
    [americas] Amerika
   *[oceania] Okeaniya
}

## Headings, captions and column headings.

heading-executive-summary = Qısa xülasə
heading-partners = Tərəfdaşlar
heading-timeline = Zaman şkalası
heading-top-highlights = Əsas məqamlar
heading-highlights = Əsas hadisələr
heading-related-events = Əlaqəli hadisələr
heading-chronology = Xronologiya
heading-sources = Mənbələr
heading-partner-index = Tərəfdaşların göstəricisi
heading-about = Bu arayış haqqında
table-events-per-pillar = İstiqamətlər üzrə hadisələr
table-events-by-kind = Növlər üzrə hadisələr
table-events-by-kind-and-year = Növlər və illər üzrə hadisələr
column-pillar = İstiqamət
column-events = Hadisələr
column-share = Pay
column-related = Əlaqəli
column-kind = Növ
column-partner = Tərəfdaş
column-pillars = İstiqamətlər
column-region = Region
column-counterparts = Tərəf-müqabillər
column-date = Tarix
column-event = Hadisə
row-total = Cəmi

## The change report.

changes-heading = Dərc olunmuş arayışdan sonrakı dəyişikliklər
changes-since = { $date } tarixli arayışdan sonra: { $added } hadisə əlavə olunub, { $removed } silinib, { $edited } dəyişdirilib.
changes-partners-new = O vaxtdan bəri yeni tərəfdaşlar: { $partners }.
changes-partners-gone = Artıq adı çəkilməyən tərəfdaşlar: { $partners }.
changes-in-pillar = «{ $pillar }» istiqamətində dəyişikliklər
changes-added = Əlavə olunub: { $events }
changes-removed = Silinib: { $events }
changes-edited = Dəyişdirilib:
changes-highlights-in = Əsas hadisələr arasında yeni: { $events }
changes-highlights-out = Artıq əsas hadisələr arasında deyil: { $events }
change-field = { $field ->
    [further-pillars] { $count ->
        [one] əlavə istiqamət
       *[other] əlavə istiqamətlər
    }
    [partners] { $count ->
        [one] tərəfdaş
       *[other] tərəfdaşlar
    }
    [figures] { $count ->
        [one] göstərici
       *[other] göstəricilər
    }
    [sources] { $count ->
        [one] mənbə
       *[other] mənbələr
    }
    [tags] { $count ->
        [one] etiket
       *[other] etiketlər
    }
   *[other] { $field }
}
change-items-added = { $field } — əlavə olunub: { $items }
change-items-removed = { $field } — silinib: { $items }
change-reordered = { $field } — sırası dəyişdirilib
change-value = { $field }: əvvəl { $from }, indi { $to }
change-none = (yoxdur)
change-quoted = «{ $text }»
date-undated = tarixsiz, { $date }
date-planned = { $date } (planda)

## Counts: a noun after a numeral stays singular.

count-of = { $count ->
    [one] { $count } { $one }
   *[other] { $count } { $other }
}
count-event = { $count } hadisə
count-file = { $count } fayl
count-pillar = { $count } istiqamət
count-partner = { $count } tərəfdaş
count-distinct-partner = { $count } müxtəlif tərəfdaş
count-related-event = { $count } əlaqəli hadisə
count-more-event = daha { $count } hadisə
count-most-significant-event = ən əhəmiyyətli { $count } hadisə
count-fact = { $count } fakt
significance = { $level ->
    [1] adi
    [2] diqqətəlayiq
    [3] əhəmiyyətli
    [4] böyük
    [5] tarixi
   *[other] naməlum
}
count-in-words = { $count ->
    [0] sıfır
    [1] bir
    [2] iki
    [3] üç
    [4] dörd
    [5] beş
    [6] altı
    [7] yeddi
    [8] səkkiz
    [9] doqquz
    [10] on
    [11] on bir
    [12] on iki
    [13] on üç
    [14] on dörd
    [15] on beş
    [16] on altı
    [17] on yeddi
    [18] on səkkiz
    [19] on doqquz
    [20] iyirmi
   *[other] { $count }
}

## Mermaid's accessible titles and descriptions.

mermaid-events = { $count ->
   *[other] { $words } hadisə
}
mermaid-pie = Dairəvi diaqram, { $events }: { $slices }.
mermaid-pie-slice = { $name } { $events } ({ $percent }%)
mermaid-value-axis = Hadisələr
chart-bar-undated = tarixsiz { $span }
mermaid-bars-from = İllər üzrə hadisələrin sütunlu diaqramı, { $first }–{ $last }: { $bars }.
mermaid-bars-in = İllər üzrə hadisələrin sütunlu diaqramı, { $first }: { $bars }.
mermaid-bars = İllər üzrə hadisələrin sütunlu diaqramı: { $bars }.
mermaid-bar = { $label }: { $events }
mermaid-bars-all = { $bars }
mermaid-bars-some = { $bars }; qalan illərdə hadisə yoxdur
mermaid-bars-none = hadisə yoxdur
mermaid-bars-named = Sütunlu diaqram, «{ $title }»: { $bars }.
mermaid-bars-some-named = { $bars }; qalanlarında yoxdur
mermaid-task = { $state ->
    [undated-planned] { $title } (tarixsiz, planlaşdırılıb)
    [undated] { $title } (tarixsiz)
    [planned] { $title } (planlaşdırılıb)
   *[other] { $title }
}
mermaid-timeline = Zaman şkalası: { $count } hadisə, { $from } – { $until }, hər istiqamət üçün bir zolaq.
mermaid-timeline-lane = { $lane }: { $events }.
mermaid-timeline-on = { $title }, { $date }
mermaid-timeline-from = { $title }, { $from } – { $until }
mermaid-timeline-when = { $title }, { $when }

## The PDF's charts.

chart-pie = Dairəvi diaqram
chart-bars = Sütunlu diaqram
chart-timeline = Zaman şkalası
chart-titled = { $chart }, { $title }
chart-described = { $chart }: { $data }.
chart-pie-slice = { $label } { $value } ({ $share }%)
chart-pie-legend = { $label } — { $value } ({ $share }%)
chart-bar = { $label }: { $value }
chart-timeline-events = { $events } hadisə, { $lanes } zolaq
chart-timeline-events-dated = { $events } hadisə, { $lanes } zolaq, { $from } – { $until }
chart-timeline-lane = { $lane }: { $events }.
chart-timeline-event = { $name } ({ $date })
chart-timeline-event-span = { $name } ({ $from } – { $until })
chart-timeline-more = Və daha { $count }.
chart-key-significance = Əhəmiyyət, 1-dən (ən az) 5-ə (ən çox):
chart-key-spans = çubuq: bir neçə gün davam edən hadisə
chart-key-undated = nöqtəli: yalnız müddət daxilində olduğu məlumdur
chart-key-planned = içi boş: planlaşdırılıb, hələ keçirilməyib
chart-key-merged = işarə üzərində rəqəm: bir-birinə ayrıca göstərilə bilməyəcək qədər yaxın olan hadisələrin sayı
chart-axis-month-1 = yan
chart-axis-month-2 = fev
chart-axis-month-3 = mar
chart-axis-month-4 = apr
chart-axis-month-5 = may
chart-axis-month-6 = iyn
chart-axis-month-7 = iyl
chart-axis-month-8 = avq
chart-axis-month-9 = sen
chart-axis-month-10 = okt
chart-axis-month-11 = noy
chart-axis-month-12 = dek
page-head = { $title } · { $period }
page-head-section-year = { $section } · { $year }
page-footer = Səhifə { $page } / { $pages }
link-to-page = Səhifəyə keçid: { $number }
pdf-subject = Arayış: { $period }
logo-of = Loqo: { $organisation }
logo = Loqo

## The briefing's sentences.

briefing-by-author = **{ $period }** dövrü üzrə arayış, { $date } tarixinə. Hazırlayan: { $organisation }, { $author }.
briefing-by = **{ $period }** dövrü üzrə arayış, { $date } tarixinə. Hazırlayan: { $organisation }.
briefing-author = **{ $period }** dövrü üzrə arayış, { $date } tarixinə; { $author }.
briefing = **{ $period }** dövrü üzrə arayış, { $date } tarixinə.
briefing-reference = Qeydiyyat nömrəsi: { $reference }.
summary-counts = { $period } dövründə məlumat bazasında { $pillars } istiqamət üzrə { $events } hadisə, { $partners } müxtəlif tərəfdaş və tarixi əhəmiyyətli { $landmarks } hadisə qeydə alınıb{ $carried ->
        [0] {""}
       *[other] ; { $carried } hadisə daha əvvəl başlayıb və bu dövrdə davam edir
    }.
summary-undated = { $count } fakt barədə yalnız dövrə aid olduğu məlumdur, öz tarixləri yoxdur (tarixsiz kimi göstərilir).
summary-planned = { $count } hadisə yalnız planlaşdırılıb.
summary-none = Məlumat bazasında { $period } dövrünə düşən hadisə yoxdur.
counts-compared = Hər rəqəmin yanında { $period } dövrü ilə fərq göstərilir; həmin dövrün rəqəmləri son sütundadır.
chart-title-most-significant = Ən əhəmiyyətli hadisələr
chart-title-all-events = Dövrün hadisələri
partners-named-by-kind = Dövrün hadisələrində { $count } tərəfdaşın adı çəkilir: { $kinds }. Ən çox rast gəlinənlər:
partners-of-kind = { $count } { $name }
partners-by-region = Regionlar üzrə ikitərəfli tərəf-müqabillər: hadisələrdə sadəcə adı çəkilən deyil, tərəfdaş kimi göstərilən ölkələr{ $groups ->
        [0] {""}
       *[other] , həmçinin göstərilən qruplar, üzv ölkələrinə görə (üzvləri qeyd olunmayıbsa, öz regionuna görə)
    }; dövrün { $events } hadisəsində belə tərəf-müqabil var və hadisə aid olduğu hər regionda bir dəfə sayılır.
partners-regions-without = Bu regionlarda ikitərəfli tərəf-müqabil yoxdur: { $regions }.
partners-named = Dövrün hadisələrində { $count } tərəfdaşın adı mənbələrdəki kimi çəkilir; onların növləri və regionları qeyd olunmayıb. Ən çox rast gəlinənlər:
partners-none = Dövrün hadisələrində heç bir tərəfdaşın adı çəkilmir.
partners-compared = { $period } dövrü ilə müqayisədə: { $new }; { $absent }.
partners-compared-new = yeni tərəfdaşlar: { $partners }
partners-compared-new-none = yeni tərəfdaş yoxdur
partners-compared-absent = olmayanlar: { $partners }
partners-compared-absent-none = olmayan yoxdur
names-and-more = { $names } və daha { $more }
pillar-partners = Əsas tərəfdaşlar: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}və daha { $more }
    }.
pillar-partners-regions = Əsas tərəfdaşlar: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}və daha { $more }
    }; regionlar üzrə ikitərəfli tərəf-müqabillər: { $regions }.
pillar-none = Bu istiqamətin heç bir hadisəsi dövrə düşmür{ $related ->
        [0] {""}
       *[other] ; digər istiqamətlərin { $related } hadisəsi ona aiddir
    }.
column-undated = Tarixsiz, { $span }
pillar-related-some = { $count } əlaqəli hadisədən ən əhəmiyyətli { $shown } hadisə:
timeline-some = Dövrün { $total } hadisəsindən ən əhəmiyyətli { $shown } hadisə, hər istiqamət üçün bir zolaq{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , planlar daxil olmaqla
        }
       *[other] { $planned ->
            [0] , tarixsiz faktlar daxil olmaqla
           *[other] , tarixsiz faktlar və planlar daxil olmaqla
        }
    }.
timeline-all = { $total ->
        [1] Dövrün yeganə hadisəsi
       *[other] Dövrün bütün { $total } hadisəsi
    }, hər istiqamət üçün bir zolaq{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , planlar daxil olmaqla
        }
       *[other] { $planned ->
            [0] , tarixsiz faktlar daxil olmaqla
           *[other] , tarixsiz faktlar və planlar daxil olmaqla
        }
    }.
chronology-year = Hadisələr: { $year }
chronology-undated = Tarixsiz, { $span }
chronology-undated-note = Mənbə bunları öz tarixi olmadan { $span } müddətinə aid edir.
chronology-none = Dövrə heç bir hadisə düşmür.
event-planned = { $title } (planlaşdırılıb)
highlight-partners = **Tərəfdaşlar:** { $partners }
highlight-figures = **Göstəricilər:** { $figures }
highlight-sources = **Mənbələr:** { $sources }
figure-about = təxminən { $value }
index-intro = Dövrün hadisələrində adı çəkilən bütün qurumlar, hadisələri ilə birlikdə istiqamət və tarix üzrə (hadisələr çox olduqda { $shown ->
        [1] ən əhəmiyyətlisi
       *[other] ən əhəmiyyətli { $shown } hadisə
    }); Azərbaycanın öz qurumları və yalnız adı çəkilənlər işarələnib.
index-more = və daha { $count } hadisə
source = { $source }{ $addresses ->
        [0] {""}
        [1] {""}
       *[other] , { $addresses } ünvan
    }: { $events } hadisədə istinad olunur
source-published = { $source }, dərc tarixi { $date }{ $addresses ->
        [0] {""}
        [1] {""}
       *[other] , { $addresses } ünvan
    }: { $events } hadisədə istinad olunur
about-compiled = Bu arayış { $from } – { $until } dövrünü əhatə edir: { $pillars } istiqamət üzrə qeydə alınmış { $events } hadisədən həmin dövrdə tam və ya qismən keçirilmiş, yaxud planlaşdırılmış { $in_period } hadisə. İllər üzrə saylar hadisənin başladığı ilə görə aparılır; tarixlər mənbənin dəqiqliyini saxlayır: gün məlum olmadıqda ay və ya il göstərilir.

## Issued briefings and drafts.

draft-mark = LAYİHƏ
draft-note = — dərc olunmayıb
changes-report-title = { $title }: { $period } dövrü üzrə arayışda dəyişikliklər
changes-since-issued = { $date } tarixində dərc olunmuş arayışdan sonra: { $added } hadisə əlavə olunub, { $removed } silinib, { $edited } dəyişdirilib.
changes-since-issued-reference = { $date } tarixində dərc olunmuş arayışdan ({ $reference }) sonra: { $added } hadisə əlavə olunub, { $removed } silinib, { $edited } dəyişdirilib.
changes-different-dataset = Başqa məlumat bazası müqayisə olunur: { $date } tarixində dərc olunmuş arayış { $source } əsasında hazırlanıb, buna görə dəyişikliklər sadalanmır.
changes-different-dataset-reference = Başqa məlumat bazası müqayisə olunur: { $date } tarixində dərc olunmuş arayış ({ $reference }) { $source } əsasında hazırlanıb, buna görə dəyişikliklər sadalanmır.

## Key judgements.

heading-key-judgements = Əsas qiymətləndirmələr
judgement-confidence = Əminlik: { $confidence ->
    [low] aşağı
    [moderate] orta
   *[high] yüksək
}.
judgement-evidence = { $count ->
    [one] Dəlil
   *[other] Dəlillər
}: { $evidence }.
judgement-outside-period = Onun dəlilləri bu arayışın dövründən kənardadır.
about-likelihood = Əsas qiymətləndirmələr ehtimalı ICD 203 (ABŞ Kəşfiyyat İcmasının 203 saylı «Analitik standartlar» Direktivi) şkalasının sözləri ilə ifadə edir: { $scale }. Bu sözlərin Azərbaycan dilində rəsmi qarşılığı yoxdur: tərcümə redaksiyaya məxsusdur. Hər qiymətləndirmənin əminlik dərəcəsi (aşağı, orta və ya yüksək) analitikin rəyidir və ayrıca cümlə ilə bildirilir.
likelihood-range = { $likelihood ->
    [almost-no-chance] demək olar ki, istisnadır
    [very-unlikely] çox az ehtimal
    [unlikely] az ehtimal
    [roughly-even-chance] təxminən bərabər ehtimal
    [likely] ehtimal
    [very-likely] çox ehtimal
   *[almost-certain] demək olar ki, şübhəsiz
} ({ $from }–{ $to }%)
changes-judgement-edited = Qiymətləndirmə dəyişdirilib: { $judgement }.
changes-judgement-review = Yoxlanılmalıdır: qiymətləndirmənin ({ $judgement }) dəlilləri dəyişib: { $count ->
    [0] { $event }
   *[other] { $event }, { $fields }
}.
changes-judgement-reviewed = Yoxlanılıb: qiymətləndirmənin ({ $judgement }) dəlilləri dəyişib ({ $event }) və qiymətləndirmə o vaxtdan bəri yenidən nəzərdən keçirilib.
key-figures = **Əsas göstəricilər**, aşağıdakı saylara əsasən:
figure-pillar-events = { $pillar }: { $total } hadisədən { $count } ({ $percent }%){ $planned ->
    [0] {""}
   *[other] , onlardan { $planned } planlaşdırılıb
}.
figure-pillar-landmarks = { $pillar }: tarixi əhəmiyyətli { $all } hadisədən { $count }.
figure-year-began = Başlama ili { $year }: dövrdə başlamış { $dated } tarixli hadisədən { $count } (planlar sayılmır).

## Provenance and sources.

provenance-one = { $events ->
        [1] Yeganə hadisə
       *[other] Bütün { $events } hadisə
    } bir mənbəyə əsaslanır: { $source }{ $graded ->
        [0] , qiymətləndirilməyib
       *[other] , Admirallıq şkalası üzrə qiyməti { $grade }
    }{ $notes ->
        [0] {""}
       *[other] ; mənbənin qeydi: «{ $note }»
    }.
provenance-many = { $events } hadisə { $sources } mənbəyə əsaslanır; { $single ->
        [0] onlardan heç biri yalnız bir mənbəyə əsaslanmır
       *[other] onlardan { $single } hadisə yalnız bir mənbəyə əsaslanır
    }; { $graded ->
        [0] mənbələr qiymətləndirilməyib
       *[other] mənbələrin Admirallıq şkalası üzrə qiymətləri: { $grades }{ $ungraded ->
            [0] {""}
           *[other] , { $ungraded } mənbə qiymətləndirilməyib
        }
    }{ $notes ->
        [0] {""}
       *[other] ; { $note }
    }.
provenance-note = { $source } qeyd edir: «{ $note }»
source-registry = { $kind ->
        [media] xəbər nəşri
        [wire] informasiya agentliyi
        [official] rəsmi mənbə
        [academic] akademik mənbə
        [ngo] qeyri-hökumət təşkilatı
       *[other] { $kind }
    }, { $grade ->
        [A] etibarlılıq A: tam etibarlı
        [B] etibarlılıq B: adətən etibarlı
        [C] etibarlılıq C: kifayət qədər etibarlı
        [D] etibarlılıq D: adətən etibarsız
        [E] etibarlılıq E: etibarsız
        [F] etibarlılıq F: etibarlılığı qiymətləndirilə bilməz
       *[none] etibarlılığı redaksiya tərəfindən qiymətləndirilməyib
    }
event-title-attributed = { $title } ({ $attribution })
event-title-figure = { $title } ({ $figure })
event-title-attributed-figure = { $title } ({ $attribution }; { $figure })
event-figure = { $label }: { $value }
event-figure-unit = { $label }: { $value } { $unit }
watch-heading = **İzlənilməli olanlar**, { $date } tarixinə: qarşıdakı planlar, hələ davam edən müddətlər
about-highlights = Əsas hadisələr hər istiqamətin ən əhəmiyyətli hadisələridir (5 — ən yüksək dərəcə); əhəmiyyəti eyni olduqda baş vermiş hadisə yalnız planlaşdırılmış hadisədən, daha gec başlayan hadisə isə daha tez başlayandan (tarixsiz fakt öz müddətinin başlanğıcına görə) öndə gəlir, bundan sonra hadisələr adlarının əlifba sırası ilə düzülür. Qısaldılmış siyahı (zaman şkalası, istiqamətin digər və ya əlaqəli hadisələri, tərəfdaşın hadisələri) eyni qayda ilə seçilir.
judgement-single-source = Tək mənbəli: bütün dəlilləri yalnız bir mənbəyə — { $source } — əsaslanır.
about-single-source = Tək mənbəli kimi işarələnmiş qiymətləndirmə tamamilə eyni mənbəyə istinad edən hadisələrə əsaslanır: məlumatlarda onu başqa heç bir mənbə təsdiqləmir.
citation-credibility = məlumat { $credibility ->
        [1] 1: digər mənbələrlə təsdiqlənib
        [2] 2: ehtimal ki, doğrudur
        [3] 3: bəlkə də doğrudur
        [4] 4: şübhəlidir
        [5] 5: inandırıcı deyil
       *[6] 6: doğruluğu qiymətləndirilə bilməz
    }
source-credibility = məlumatın qiymətləri: { $grades }
source-credibility-grade = { $grade ->
        [1] 1: digər mənbələrlə təsdiqlənib
        [2] 2: ehtimal ki, doğrudur
        [3] 3: bəlkə də doğrudur
        [4] 4: şübhəlidir
        [5] 5: inandırıcı deyil
       *[6] 6: doğruluğu qiymətləndirilə bilməz
    } ({ $events } hadisə)
about-admiralty = Mənbələr Admirallıq şkalası ilə qiymətləndirilir: mənbənin etibarlılığı hərflə (A — tam etibarlı, B — adətən etibarlı, C — kifayət qədər etibarlı, D — adətən etibarsız, E — etibarsız, F — etibarlılığı qiymətləndirilə bilməz), məlumatın doğruluğu rəqəmlə (1 — digər mənbələrlə təsdiqlənib, 2 — ehtimal ki, doğrudur, 3 — bəlkə də doğrudur, 4 — şübhəlidir, 5 — inandırıcı deyil, 6 — doğruluğu qiymətləndirilə bilməz); hər ikisi redaksiyanın rəyidir. Şkalanın Azərbaycan dilində rəsmi qarşılığı yoxdur: tərcümə redaksiyaya məxsusdur.
changes-judgement-added = Qiymətləndirmə əlavə olunub: { $judgement }.
changes-judgement-removed = Qiymətləndirmə silinib: { $judgement }.
row-planned = onlardan planlaşdırılan
count-planned = { $count } (planda: { $planned })
slice-planned = { $name } (planda: { $planned })

## Partners, tied counts.

partners-at-each = { $count } tərəfdaş, hər biri { $events ->
        [1] bir
       *[other] { $events }
    } hadisədə
partners-at-range = { $count } tərəfdaş, hər biri { $least }–{ $most } hadisədə
partners-rest = Bundan başqa, { $rest }.
partners-named-by-kind-tied = Dövrün hadisələrində { $count } tərəfdaşın adı çəkilir: { $kinds }; { $rest }.
partners-named-tied = Dövrün hadisələrində { $count } tərəfdaşın adı çəkilir, { $rest }. Məlumat bazasında `[[partner]]` reyestri yoxdur, buna görə tərəfdaşlar sərbəst mətnlə yazılıb: onların növləri və regionları məlum deyil.
pillar-partners-rest = Əsas tərəfdaşlar: { $partners }; bundan başqa, { $rest }.
pillar-partners-rest-regions = Əsas tərəfdaşlar: { $partners }; bundan başqa, { $rest }; regionlar üzrə ikitərəfli tərəf-müqabillər: { $regions }.
pillar-partners-tied = { $rest }.
pillar-partners-tied-regions = { $rest }; regionlar üzrə ikitərəfli tərəf-müqabillər: { $regions }.
partner-with-count = { $name } ({ $count })
region-with-count = { $name } { $count }
partner-mentioned = { $name } (yalnız adı çəkilir)
chronology-before = İlk ildən ({ $year }) əvvəl başlayanlar

## The dense timeline.

chart-key-bands = lent: yalnız ayı və ya ili məlumdur
timeline-cell = { $count } hadisə
timeline-dense-alt = Aylar və istiqamətlər üzrə hadisələr: { $count } hadisə, { $lanes } zolaq, { $from } – { $until }, başladığı aya görə sayılıb; yalnız ili məlum olanlar isə ilinə görə.
timeline-dense = Dövrün hadisələri ({ $total }) ayrı-ayrılıqda göstərmək üçün çoxdur: hər istiqamət üçün bir zolaq, hər ayın xanası həmin ayda başlayan hadisələrin sayına görə rənglənib və nömrələnib{ $undated ->
        [0] {""}
       *[other] ; yalnız müddət daxilində olduğu məlum olan faktlar göstərilməyib
    }; yalnız ili məlum olan hadisələr il boyu uzanan lentdə sayılır.
chart-key-cells = xana: həmin ayda başlayan hadisələr; nə qədər çoxdursa, bir o qədər tünd

## Maps.

map-title-partners = Hadisələr üzrə tərəfdaş ölkələr
map-title-routes = Dəhlizlər və marşrutlar
map-inset = Cənubi Qafqaz və qonşular
map-legend-partners = Tərəfdaşla hadisələr
map-class = { $from }–{ $to }
map-class-one = { $count }
map-class-none = Yoxdur
map-others = Ölkəyə aid olmayanlar
map-other = { $name } ({ $count })
map-others-more = və daha { $count }
map-source = Sərhədlər: Natural Earth; onların təsviri tanınma demək deyil.
map-route = { $name } ({ $kind })
map-kind-rail = dəmir yolu
map-kind-pipeline = boru kəməri
map-kind-sea = dəniz yolu
map-kind-road = avtomobil yolu
map-kind-multimodal = multimodal marşrut
map-kind-other = marşrut
map-scale = { $km } km
map-alt-partners = Dünya xəritəsi: { $countries } tərəfdaş ölkə hadisələrinin sayına görə rənglənib, { $subject } ştrixlənib. Regionlar üzrə: { $regions }.
map-alt-region = { $region }: { $countries }
map-alt-country = { $name } ({ $count })
map-alt-others = Ölkəyə aid olmayanlar: { $others }.
map-alt-routes = Marşrutların xəritəsi ({ $count }). { $routes }
map-alt-route = { $name } ({ $kind }): { $places }.
map-table-partners = Tərəfdaş ölkələr və onların hadisələri
map-table-routes = Marşrutlar və onların məntəqələri, ardıcıllıqla
map-column-country = Ölkə
map-column-route = Marşrut
map-column-places = Məntəqələr, ardıcıllıqla
subject-country = Azərbaycan

## The annexes and the partners not counted.

heading-annexes = Əlavələr
related-event-run = { $title } ({ $date })
partners-not-counted = Dövrün hadisələrində adı çəkilən qurumlardan ({ $named }) { $own ->
        [0] {""}
       *[other] { $own } qurum Azərbaycanın özünə məxsusdur
    }{ $own ->
        [0] {""}
       *[other] { $mentioned ->
            [0] {""}
           *[other] {" "}və{" "}
        }
    }{ $mentioned ->
        [0] {""}
       *[other] { $mentioned } qurumun yalnız adı çəkilir
    }: onlar tərəfdaşlar ({ $count }) arasında sayılmır.
figure-pillar-all = İstiqamətlər üzrə hadisələr: { $pillars }.
figure-pillar-each = { $pillar } { $count }{ $planned ->
        [0] {""}
       *[other] {" "}(planda: { $planned })
    }
partner-own = { $name } (Azərbaycan qurumu)

## lead, after pages4, maps2, hardtpl

changes-figure-lead = { $figure } (əsas göstərici)
map-route-places = { $name }, { $kind }: { $places }
heading-other-events = Digər hadisələr
event-also = həmçinin { $pillars }
table-events-by-year-and-kind = İstiqamətlər üzrə hadisələr: illər və növlər üzrə
map-see-index = Hər tərəfdaşın hadisələri əlavələrdə onun adı altında verilib.
pillar-rest-some = Digər { $count } hadisədən ən əhəmiyyətli { $shown } hadisə.
