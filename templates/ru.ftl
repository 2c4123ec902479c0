### Слова, которые azint-report пишет вокруг данных: русский язык.
###
### The Russian catalogue: every message of templates/en-GB.ftl, with the
### same ids and the same variables (see the English file for what each
### message is and what its variables hold). A desk corrects a phrase by
### copying this file into its `--templates` folder as `ru.ftl`.
###
### Numbers, dates and lists arrive written the CLDR way for ru
### ("2 500", "12 февраля 2026 г.", "A, B и C"); a number given as a
### number chooses a plural form by CLDR's Russian rules: one (1, 21, 31),
### few (2–4, 22–24), many (0, 5–20, 25–30).
###
### ICD 203's likelihood words and the Admiralty grades have no official
### Russian wording: the translations here are the desk's.

## Dates and spans.

date-span-days = { $from }–{ $until }
date-span-days-of-year = { $from } – { $until }
date-span-months = { $from }–{ $until }
date-span-years = { $from }–{ $until }
date-span = { $from } – { $until }

## Page furniture, links and descriptions for screen readers.

contents = Содержание
task-done = Выполнено
task-not-done = Не выполнено
image-without-alt = Изображение { $src }
link-to-section = Перейти к разделу «{ $title }»
link-to-note = Сноска { $number }
link-back-to-note = Назад к месту ссылки на сноску { $number }
link-to-uri = Ссылка на { $url }
link-to-place = Перейти к месту в этом документе
link-elsewhere = Ссылка

## The summary's words.

chronology-begun-before = Начатые до { $year } г.
chronology-month-not-known = { $year }, месяц неизвестен
kind-name = { $kind ->
    [summit] Саммит
    [visit] Визит
    [agreement] Соглашение
    [membership] Членство
    [chairmanship] Председательство
    [resolution] Резолюция
    [programme] Программа
    [contract] Контракт
    [infrastructure] Инфраструктура
    [mission] Дипмиссия
    [statement] Заявление
   *[other] Другое
}
partner-kind = { $kind ->
    [country] страна
    [organisation] международная организация
    [company] компания
    [domestic] азербайджанская организация
   *[group] группа государств
}
partner-kind-counted = { $kind ->
    [country] { $count ->
        [one] страна
        [few] страны
       *[many] стран
    }
    [organisation] { $count ->
        [one] международная организация
        [few] международные организации
       *[many] международных организаций
    }
    [company] { $count ->
        [one] компания
        [few] компании
       *[many] компаний
    }
    [domestic] { $count ->
        [one] азербайджанская организация
        [few] азербайджанские организации
       *[many] азербайджанских организаций
    }
   *[group] { $count ->
        [one] группа государств
        [few] группы государств
       *[many] групп государств
    }
}
region-name = { $region ->
    [europe] Европа
    [south-caucasus] Южный Кавказ
    [central-asia] Центральная Азия
    [russia-eastern-europe] Россия и Восточная Европа
    [middle-east] Ближний Восток
    [south-asia] Южная Азия
    [east-southeast-asia] Восточная и Юго-Восточная Азия
    [africa] Африка
    [americas] Америка
   *[oceania] Океания
}

## Headings, captions and column headings.

heading-executive-summary = Резюме
heading-partners = Партнёры
heading-timeline = Временная шкала
heading-top-highlights = Главное
heading-highlights = Ключевые события
heading-related-events = Связанные события
heading-chronology = Хронология
heading-sources = Источники
heading-partner-index = Указатель партнёров
heading-about = Об этой справке
table-events-per-pillar = События по направлениям
table-events-by-kind = События по видам
table-events-by-kind-and-year = События по видам и годам
column-pillar = Направление
column-events = События
column-share = Доля
column-related = Связанные
column-kind = Вид
column-partner = Партнёр
column-pillars = Направления
column-region = Регион
column-counterparts = Контрагенты
column-date = Дата
column-event = Событие
row-total = Итого

## The change report.

changes-heading = Изменения после выпущенной справки
changes-since = После справки от { $date }: добавлено { $added ->
    [one] { $added } событие
    [few] { $added } события
   *[many] { $added } событий
}, удалено { $removed }, изменено { $edited }.
changes-partners-new = Новые партнёры с тех пор: { $partners }.
changes-partners-gone = Партнёры, которые больше не упоминаются: { $partners }.
changes-in-pillar = Изменения по направлению «{ $pillar }»
changes-added = Добавлено: { $events }
changes-removed = Удалено: { $events }
changes-edited = Изменено:
changes-highlights-in = Вошли в число ключевых событий: { $events }
changes-highlights-out = Выбыли из числа ключевых событий: { $events }
change-field = { $field ->
    [further-pillars] { $count ->
        [one] дополнительное направление
       *[other] дополнительные направления
    }
    [partners] { $count ->
        [one] партнёр
       *[other] партнёры
    }
    [figures] { $count ->
        [one] показатель
       *[other] показатели
    }
    [sources] { $count ->
        [one] источник
       *[other] источники
    }
    [tags] { $count ->
        [one] метка
       *[other] метки
    }
   *[other] { $field }
}
change-items-added = { $field }: добавлено { $items }
change-items-removed = { $field }: удалено { $items }
change-reordered = { $field }: изменён порядок
change-value = { $field }: было { $from }, стало { $to }
change-none = (нет)
change-quoted = «{ $text }»
date-undated = без даты, { $date }
date-planned = { $date } (в плане)

## Counts.

count-of = { $count ->
    [one] { $count } { $one }
   *[other] { $count } { $other }
}
count-event = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
count-file = { $count ->
    [one] { $count } файл
    [few] { $count } файла
   *[many] { $count } файлов
}
count-pillar = { $count ->
    [one] { $count } направление
    [few] { $count } направления
   *[many] { $count } направлений
}
count-partner = { $count ->
    [one] { $count } партнёр
    [few] { $count } партнёра
   *[many] { $count } партнёров
}
count-distinct-partner = { $count ->
    [one] { $count } различный партнёр
    [few] { $count } различных партнёра
   *[many] { $count } различных партнёров
}
count-related-event = { $count ->
    [one] { $count } связанное событие
    [few] { $count } связанных события
   *[many] { $count } связанных событий
}
count-more-event = { $count ->
    [one] ещё { $count } событие
    [few] ещё { $count } события
   *[many] ещё { $count } событий
}
count-most-significant-event = { $count ->
    [one] { $count } наиболее значимое событие
    [few] { $count } наиболее значимых события
   *[many] { $count } наиболее значимых событий
}
count-fact = { $count ->
    [one] { $count } факт
    [few] { $count } факта
   *[many] { $count } фактов
}
significance = { $level ->
    [1] рядовое
    [2] заметное
    [3] значительное
    [4] крупное
    [5] знаковое
   *[other] неизвестно
}
count-in-words = { $count ->
    [0] ноль
    [1] одно
    [2] два
    [3] три
    [4] четыре
    [5] пять
    [6] шесть
    [7] семь
    [8] восемь
    [9] девять
    [10] десять
    [11] одиннадцать
    [12] двенадцать
    [13] тринадцать
    [14] четырнадцать
    [15] пятнадцать
    [16] шестнадцать
    [17] семнадцать
    [18] восемнадцать
    [19] девятнадцать
    [20] двадцать
   *[other] { $count }
}

## Mermaid's accessible titles and descriptions.

mermaid-events = { $count ->
    [one] { $words } событие
    [few] { $words } события
   *[many] { $words } событий
}
mermaid-pie = Круговая диаграмма, { $events }: { $slices }.
mermaid-pie-slice = { $name } { $events } ({ $percent } %)
mermaid-value-axis = События
chart-bar-undated = без даты { $span }
mermaid-bars-from = Столбчатая диаграмма событий по годам, { $first }–{ $last }: { $bars }.
mermaid-bars-in = Столбчатая диаграмма событий по годам, { $first }: { $bars }.
mermaid-bars = Столбчатая диаграмма событий по годам: { $bars }.
mermaid-bar = { $label }: { $events }
mermaid-bars-all = { $bars }
mermaid-bars-some = { $bars }; в остальные годы событий нет
mermaid-bars-none = событий нет
mermaid-bars-named = Столбчатая диаграмма «{ $title }»: { $bars }.
mermaid-bars-some-named = { $bars }; в остальных нет
mermaid-task = { $state ->
    [undated-planned] { $title } (без даты, запланировано)
    [undated] { $title } (без даты)
    [planned] { $title } (запланировано)
   *[other] { $title }
}
mermaid-timeline = Временная шкала: { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
} с { $from } по { $until }, по одной дорожке на направление.
mermaid-timeline-lane = { $lane }: { $events }.
mermaid-timeline-on = { $title }, { $date }
mermaid-timeline-from = { $title }, с { $from } по { $until }
mermaid-timeline-when = { $title }, { $when }

## The PDF's charts.

chart-pie = Круговая диаграмма
chart-bars = Столбчатая диаграмма
chart-timeline = Временная шкала
chart-titled = { $chart }, { $title }
chart-described = { $chart }: { $data }.
chart-pie-slice = { $label } { $value } ({ $share } %)
chart-pie-legend = { $label } — { $value } ({ $share } %)
chart-bar = { $label }: { $value }
chart-timeline-events = Событий: { $events }, дорожек: { $lanes }
chart-timeline-events-dated = Событий: { $events }, дорожек: { $lanes }, с { $from } по { $until }
chart-timeline-lane = { $lane }: { $events }.
chart-timeline-event = { $name } ({ $date })
chart-timeline-event-span = { $name } (с { $from } по { $until })
chart-timeline-more = И ещё { $count }.
chart-key-significance = Значимость, от 1 (наименьшая) до 5 (наибольшая):
chart-key-spans = отрезок: событие длительностью несколько дней
chart-key-undated = пунктир: известно лишь, что событие пришлось на этот промежуток
chart-key-planned = контур: запланировано, ещё не состоялось
chart-key-merged = число на отметке: количество событий, расположенных слишком близко, чтобы показать их по отдельности
chart-axis-month-1 = янв
chart-axis-month-2 = фев
chart-axis-month-3 = мар
chart-axis-month-4 = апр
chart-axis-month-5 = май
chart-axis-month-6 = июн
chart-axis-month-7 = июл
chart-axis-month-8 = авг
chart-axis-month-9 = сен
chart-axis-month-10 = окт
chart-axis-month-11 = ноя
chart-axis-month-12 = дек
page-head = { $title } · { $period }
page-head-section-year = { $section } · { $year }
page-footer = Страница { $page } из { $pages }
link-to-page = Перейти на страницу { $number }
pdf-subject = Справка за период { $period }
logo-of = Логотип: { $organisation }
logo = Логотип

## The briefing's sentences.

# A full date ends in "г.": no full stop follows it.
briefing-by-author = Справка за период **{ $period }** по состоянию на { $date }; подготовлено: { $organisation }, { $author }.
briefing-by = Справка за период **{ $period }** по состоянию на { $date }; подготовлено: { $organisation }.
briefing-author = Справка за период **{ $period }** по состоянию на { $date }, { $author }.
briefing = Справка за период **{ $period }** по состоянию на { $date }
briefing-reference = Регистрационный номер: { $reference }.
summary-counts = За период { $period } в наборе данных { $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    } по { $pillars ->
        [one] { $pillars } направлению
       *[other] { $pillars } направлениям
    } с { $partners ->
        [one] { $partners } различным партнёром
       *[other] { $partners } различными партнёрами
    }; знаковых из них: { $landmarks }{ $carried ->
        [0] {""}
        [one] ; { $carried } событие началось раньше и продолжается в этом периоде
        [few] ; { $carried } события начались раньше и продолжаются в этом периоде
       *[many] ; { $carried } событий началось раньше и продолжается в этом периоде
    }.
summary-undated = { $count ->
        [one] { $count } факт известен лишь в пределах периода, без собственной даты (показан как «без даты»).
        [few] { $count } факта известны лишь в пределах периода, без собственной даты (показаны как «без даты»).
       *[many] { $count } фактов известны лишь в пределах периода, без собственной даты (показаны как «без даты»).
    }
summary-planned = { $count ->
        [one] { $count } событие лишь запланировано
        [few] { $count } события лишь запланированы
       *[many] { $count } событий лишь запланировано
    }.
summary-none = Ни одно событие набора данных не приходится на период { $period }.
counts-compared = Рядом с каждым числом — разница с периодом { $period }, числа которого приведены в последнем столбце.
chart-title-most-significant = Наиболее значимые события
chart-title-all-events = События периода
partners-named-by-kind = В событиях периода названо партнёров: { $count } ({ $kinds }). Чаще всего:
partners-of-kind = { $count } { $name }
partners-by-region = Двусторонние контрагенты по регионам: страны, которые события называют партнёрами, а не лишь упоминают{ $groups ->
        [0] {""}
       *[other] , а также названные ими группы — по странам-членам (или, если они не указаны, по собственному региону группы)
    }; такой контрагент есть у { $events ->
        [one] { $events } события
       *[other] { $events } событий
    } периода, и событие учитывается по одному разу в каждом регионе, которого касается.
partners-regions-without = Нет двусторонних контрагентов в регионах: { $regions }.
partners-named = В событиях периода названо партнёров: { $count }, так, как их называют источники; их виды и регионы не записаны. Чаще всего:
partners-none = События периода не называют партнёров.
partners-compared = В сравнении с периодом { $period }: { $new }; { $absent }.
partners-compared-new = новые партнёры: { $partners }
partners-compared-new-none = новых партнёров нет
partners-compared-absent = отсутствуют: { $partners }
partners-compared-absent-none = отсутствующих нет
names-and-more = { $names } и ещё { $more }
pillar-partners = Основные партнёры: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}и ещё { $more }
    }.
pillar-partners-regions = Основные партнёры: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}и ещё { $more }
    }; двусторонние контрагенты по регионам: { $regions }.
pillar-none = На период не приходится событий этого направления{ $related ->
        [0] {""}
        [one] ; к нему относится { $related } событие других направлений
        [few] ; к нему относятся { $related } события других направлений
       *[many] ; к нему относится { $related } событий других направлений
    }.
column-undated = Без даты, { $span }
pillar-related-some = Наиболее значимые из связанных событий ({ $shown } из { $count }):
timeline-some = { $shown ->
        [one] { $shown } наиболее значимое событие
        [few] { $shown } наиболее значимых события
       *[many] { $shown } наиболее значимых событий
    } из { $total } за период, по одной дорожке на направление{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , включая планы
        }
       *[other] { $planned ->
            [0] , включая факты без даты
           *[other] , включая факты без даты и планы
        }
    }.
timeline-all = { $total ->
        [1] Единственное событие
        [one] Все { $total } событие
        [few] Все { $total } события
       *[many] Все { $total } событий
    } периода, по одной дорожке на направление{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , включая планы
        }
       *[other] { $planned ->
            [0] , включая факты без даты
           *[other] , включая факты без даты и планы
        }
    }.
chronology-year = События { $year } года
chronology-undated = Без даты, { $span }
chronology-undated-note = Источник относит эти события к промежутку { $span }, не указывая их собственной даты.
chronology-none = На период не приходится ни одного события.
event-planned = { $title } (запланировано)
highlight-partners = **Партнёры:** { $partners }
highlight-figures = **Показатели:** { $figures }
highlight-sources = **Источники:** { $sources }
figure-about = около { $value }
index-intro = Все органы и организации, названные в событиях периода, с их событиями по направлениям и датам ({ $shown ->
        [1] наиболее значимое
       *[other] { $shown } наиболее значимых
    }, если их больше); отмечены органы Азербайджана и лишь упомянутые названия.
index-more = и ещё { $count ->
        [one] { $count } событие
        [few] { $count } события
       *[many] { $count } событий
    }
source = { $source }{ $addresses ->
        [0] {""}
        [1] {""}
        [one] , { $addresses } адрес
        [few] , { $addresses } адреса
       *[many] , { $addresses } адресов
    }: цитируется в { $events ->
        [one] { $events } событии
       *[other] { $events } событиях
    }
source-published = { $source }, опубликовано { $date }{ $addresses ->
        [0] {""}
        [1] {""}
        [one] , { $addresses } адрес
        [few] , { $addresses } адреса
       *[many] , { $addresses } адресов
    }: цитируется в { $events ->
        [one] { $events } событии
       *[other] { $events } событиях
    }
about-compiled = Эта справка охватывает период с { $from } по { $until }: { $in_period ->
        [one] { $in_period } событие
        [few] { $in_period } события
       *[many] { $in_period } событий
    } из { $events }, записанных по { $pillars ->
        [one] { $pillars } направлению
       *[other] { $pillars } направлениям
    }, состоявшихся или запланированных в это время полностью или частично. Годы считаются по году начала события; даты сохраняют точность источника (месяц или год, если день неизвестен).

## Issued briefings and drafts.

draft-mark = ПРОЕКТ
draft-note = — справка не выпущена
changes-report-title = { $title }: изменения справки за период { $period }
changes-since-issued = После справки, выпущенной { $date }: добавлено { $added ->
    [one] { $added } событие
    [few] { $added } события
   *[many] { $added } событий
}, удалено { $removed }, изменено { $edited }.
changes-since-issued-reference = После справки, выпущенной { $date } ({ $reference }): добавлено { $added ->
    [one] { $added } событие
    [few] { $added } события
   *[many] { $added } событий
}, удалено { $removed }, изменено { $edited }.
changes-different-dataset = Сравнивается другой набор данных: справка, выпущенная { $date }, составлена по { $source }, поэтому изменения не перечисляются.
changes-different-dataset-reference = Сравнивается другой набор данных: справка, выпущенная { $date } ({ $reference }), составлена по { $source }, поэтому изменения не перечисляются.

## Key judgements.

heading-key-judgements = Ключевые оценки
judgement-confidence = Уверенность: { $confidence ->
    [low] низкая
    [moderate] умеренная
   *[high] высокая
}.
judgement-evidence = { $count ->
    [one] Основание
   *[other] Основания
}: { $evidence }.
judgement-outside-period = Её основания лежат вне периода этой справки.
about-likelihood = Ключевые оценки выражают вероятность словами шкалы ICD 203 (Директива 203 разведывательного сообщества США «Аналитические стандарты»): { $scale }. Официальной русской формулировки этих слов нет: перевод принадлежит редакции. Уверенность в каждой оценке (низкая, умеренная или высокая) — суждение аналитика, выраженное отдельным предложением.
likelihood-range = { $likelihood ->
    [almost-no-chance] почти исключено
    [very-unlikely] крайне маловероятно
    [unlikely] маловероятно
    [roughly-even-chance] примерно равные шансы
    [likely] вероятно
    [very-likely] весьма вероятно
   *[almost-certain] почти наверняка
} ({ $from }–{ $to } %)
changes-judgement-edited = Оценка { $judgement } изменена.
changes-judgement-review = Проверить: основания оценки { $judgement } изменились: { $count ->
    [0] { $event }
   *[other] { $fields }, { $event }
}.
changes-judgement-reviewed = Проверено: основания оценки { $judgement } изменились ({ $event }), и оценка с тех пор пересмотрена.
key-figures = **Ключевые показатели** по подсчётам ниже:
figure-pillar-events = { $pillar }: { $count } из { $total ->
    [one] { $total } события
   *[other] { $total } событий
} ({ $percent } %){ $planned ->
    [0] {""}
   *[other] , из них запланировано: { $planned }
}.
figure-pillar-landmarks = { $pillar }: { $count } из { $all ->
    [one] { $all } знакового события
   *[other] { $all } знаковых событий
}.
figure-year-began = Начатые в { $year } г.: { $count } из { $dated ->
    [one] { $dated } датированного события
   *[other] { $dated } датированных событий
}, начавшихся в периоде (планы не учитываются).

## Provenance and sources.

provenance-one = { $events ->
        [1] Единственное событие основано
       *[other] Все события ({ $events }) основаны
    } на одном { $graded ->
        [0] неоценённом источнике
       *[other] источнике с оценкой { $grade } по шкале Адмиралтейства
    }, { $source }{ $notes ->
        [0] {""}
       *[other] , в котором отмечено: «{ $note }»
    }.
provenance-many = События ({ $events }) основаны на { $sources } источниках, { $single ->
        [0] ни одно — лишь на одном источнике
       *[other] из них лишь на одном источнике: { $single }
    }; { $graded ->
        [0] источники не оценены
       *[other] оценки источников по шкале Адмиралтейства: { $grades }{ $ungraded ->
            [0] {""}
           *[other] , без оценки: { $ungraded }
        }
    }{ $notes ->
        [0] {""}
       *[other] ; { $note }
    }.
provenance-note = { $source } отмечает: «{ $note }»
source-registry = { $kind ->
        [media] СМИ
        [wire] информационное агентство
        [official] официальный источник
        [academic] научный источник
        [ngo] неправительственная организация
       *[other] { $kind }
    }, { $grade ->
        [A] надёжность A: полностью надёжный
        [B] надёжность B: обычно надёжный
        [C] надёжность C: довольно надёжный
        [D] надёжность D: обычно ненадёжный
        [E] надёжность E: ненадёжный
        [F] надёжность F: надёжность не может быть оценена
       *[none] надёжность редакцией не оценена
    }
event-title-attributed = { $title } ({ $attribution })
event-title-figure = { $title } ({ $figure })
event-title-attributed-figure = { $title } ({ $attribution }; { $figure })
event-figure = { $label }: { $value }
event-figure-unit = { $label }: { $value } { $unit }
watch-heading = **Что отслеживать** на { $date }: планы и текущие сроки
about-highlights = Ключевые события — наиболее значимые события каждого направления (5 — высшая значимость); при равной значимости состоявшееся событие ставится перед запланированным, начавшееся позже — перед начавшимся раньше (факт без даты — по началу своего промежутка), затем события идут по алфавиту. Сокращённые списки (временная шкала, другие или связанные события направления, события партнёра) отбираются так же.
judgement-single-source = Один источник: все её основания опираются на { $source }.
about-single-source = Оценка с пометкой «один источник» целиком опирается на события, ссылающиеся на один и тот же источник: ни один другой источник в данных её не подтверждает.
citation-credibility = информация { $credibility ->
        [1] 1: подтверждена другими источниками
        [2] 2: вероятно, верна
        [3] 3: возможно, верна
        [4] 4: сомнительна
        [5] 5: неправдоподобна
       *[6] 6: достоверность не может быть оценена
    }
source-credibility = оценки информации: { $grades }
source-credibility-grade = { $grade ->
        [1] 1: подтверждена другими источниками
        [2] 2: вероятно, верна
        [3] 3: возможно, верна
        [4] 4: сомнительна
        [5] 5: неправдоподобна
       *[6] 6: достоверность не может быть оценена
    } ({ $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    })
about-admiralty = Источники оценены по шкале Адмиралтейства: надёжность источника — буквой (A — полностью надёжный, B — обычно надёжный, C — довольно надёжный, D — обычно ненадёжный, E — ненадёжный, F — надёжность не может быть оценена), достоверность информации — цифрой (1 — подтверждена другими источниками, 2 — вероятно, верна, 3 — возможно, верна, 4 — сомнительна, 5 — неправдоподобна, 6 — достоверность не может быть оценена); и то и другое — суждение редакции. Официальной русской формулировки шкалы нет: перевод принадлежит редакции.
changes-judgement-added = Оценка { $judgement } добавлена.
changes-judgement-removed = Оценка { $judgement } удалена.
row-planned = из них запланировано
count-planned = { $count } (в плане: { $planned })
slice-planned = { $name } (в плане: { $planned })

## Partners, tied counts.

partners-at-each = { $count ->
        [one] { $count } партнёр
        [few] { $count } партнёра
       *[many] { $count } партнёров
    } — по { $events ->
        [1] одному событию
        [one] { $events } событию
        [few] { $events } события
       *[many] { $events } событий
    } у каждого
partners-at-range = { $count ->
        [one] { $count } партнёр
        [few] { $count } партнёра
       *[many] { $count } партнёров
    } — от { $least } до { $most } событий у каждого
partners-rest = Кроме того, { $rest }.
partners-named-by-kind-tied = В событиях периода названо партнёров: { $count } ({ $kinds }); { $rest }.
partners-named-tied = В событиях периода названо партнёров: { $count }, { $rest }. В наборе данных нет реестра `[[partner]]`, поэтому партнёры записаны свободным текстом: их виды и регионы неизвестны.
pillar-partners-rest = Основные партнёры: { $partners }; кроме того, { $rest }.
pillar-partners-rest-regions = Основные партнёры: { $partners }; кроме того, { $rest }; двусторонние контрагенты по регионам: { $regions }.
pillar-partners-tied = { $rest }.
pillar-partners-tied-regions = { $rest }; двусторонние контрагенты по регионам: { $regions }.
partner-with-count = { $name } ({ $count })
region-with-count = { $name } { $count }
partner-mentioned = { $name } (лишь упоминается)
chronology-before = Начатые до { $year } г.

## The dense timeline.

chart-key-bands = полоса: известно лишь с точностью до месяца или года
timeline-cell = { $count ->
        [one] { $count } событие
        [few] { $count } события
       *[many] { $count } событий
    }
timeline-dense-alt = События по месяцам и направлениям: событий — { $count }, дорожек — { $lanes }, с { $from } по { $until }, учтены по месяцу начала; известные лишь с точностью до года — по году.
timeline-dense = Событий периода — { $total }, слишком много, чтобы показать каждое: по одной дорожке на направление, ячейка каждого месяца затемнена и подписана числом начавшихся в нём событий{ $undated ->
        [0] {""}
       *[other] ; факты, известные лишь в пределах промежутка, не показаны
    }; события, известные лишь с точностью до года, учтены полосой через весь год.
chart-key-cells = ячейка: события, начавшиеся в этом месяце; чем темнее, тем больше

## Maps.

map-title-partners = Страны-партнёры по числу событий
map-title-routes = Коридоры и маршруты
map-inset = Южный Кавказ и соседи
map-legend-partners = События с партнёром
map-class = { $from }–{ $to }
map-class-one = { $count }
map-class-none = Нет
map-others = Без страны
map-other = { $name } ({ $count })
map-others-more = и ещё { $count }
map-source = Границы: Natural Earth; их изображение не означает их признания.
map-route = { $name } ({ $kind })
map-kind-rail = железная дорога
map-kind-pipeline = трубопровод
map-kind-sea = морской путь
map-kind-road = автодорога
map-kind-multimodal = мультимодальный маршрут
map-kind-other = маршрут
map-scale = { $km } км
map-alt-partners = Карта мира: страны-партнёры ({ $countries }) затемнены по числу событий, { $subject } заштрихован. По регионам: { $regions }.
map-alt-region = { $region }: { $countries }
map-alt-country = { $name } ({ $count })
map-alt-others = Без страны: { $others }.
map-alt-routes = Карта маршрутов ({ $count }). { $routes }
map-alt-route = { $name } ({ $kind }): { $places }.
map-table-partners = Страны-партнёры и их события
map-table-routes = Маршруты и их пункты по порядку
map-column-country = Страна
map-column-route = Маршрут
map-column-places = Пункты по порядку
subject-country = Азербайджан

## The annexes and the partners not counted.

heading-annexes = Приложения
related-event-run = { $title } ({ $date })
partners-not-counted = Из органов и организаций, названных в событиях периода ({ $named }), { $own ->
        [0] {""}
        [one] { $own } принадлежит самому Азербайджану
       *[other] { $own } принадлежат самому Азербайджану
    }{ $own ->
        [0] {""}
       *[other] { $mentioned ->
            [0] {""}
           *[other] {" "}и{" "}
        }
    }{ $mentioned ->
        [0] {""}
        [one] { $mentioned } лишь упоминается
       *[other] { $mentioned } лишь упоминаются
    }: они не входят в число партнёров ({ $count }).
figure-pillar-all = События по направлениям: { $pillars }.
figure-pillar-each = { $pillar } { $count }{ $planned ->
        [0] {""}
       *[other] {" "}(в плане: { $planned })
    }
partner-own = { $name } (азербайджанская организация)

## lead, after pages4, maps2, hardtpl

changes-figure-lead = { $figure } (главный показатель)
map-route-places = { $name }, { $kind }: { $places }
heading-other-events = Другие события
event-also = также { $pillars }
table-events-by-year-and-kind = События по направлениям, годам и видам
map-see-index = События каждого партнёра перечислены в приложениях под его названием.
pillar-rest-some = Наиболее значимые события ({ $shown }) из { $count ->
        [one] { $count } другого события
       *[other] { $count } других событий
    }.
