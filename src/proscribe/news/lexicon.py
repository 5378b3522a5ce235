# ruff: noqa: RUF001, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Per-language words: what signals a listing action, which body or country acts, what hedges.

Rules, not a model: each pattern is a phrase a reporter uses for one legal step, in English,
Russian or German. Order matters — the first action pattern that matches a clause wins, so the
specific ones (a petition *to* suspend, a bill *to* delist) come before the general ones.
"""

from __future__ import annotations

import functools
import re

_I = re.IGNORECASE

# (action, pattern). Patterns match inside one sentence.
ACTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Procedural steps first: they mention delisting/suspension without doing it.
    ("review_due", re.compile(r"\b(?:will|to)\s+(?:now\s+)?be\s+reviewed\s+by\s+the\s+Federation\s+Council|рассмотрит\s+Совет\s+Федерации", _I)),
    ("hearing_scheduled", re.compile(r"\bhearing\b[^.]{0,60}\b(?:scheduled|set)\s+for\b|(?:слушани|заседани|рассмотрени)\w*[^.]{0,100}(?:назначен|запланирован)\w*\s+на|назначен\w*\s+к\s+(?:судебному\s+)?(?:разбирательству|рассмотрению)\s+на|(?:слушани|заседани|рассмотрени)\w*\s[^.]{0,100}?(?:пройд[её]т|состоится|начн[её]тся)\b(?=[^.]{0,60}?(?:\d|понедельник|вторник|сред[уы]\b|четверг|пятниц|суббот|воскресень|завтра))|(?<!Совет\sФедерации\s)\bрассмотр(?:ит|ят)\b(?=[^.]{0,160}?(?:\bиск|заявлени|\bдел[оау]\b|ходатайств|требовани))|\b(?:am\s+\d{1,2}\.\s*\w+\s+)?erwartete\s+Entscheidung|entscheidet\s+im\s+nächsten\s+Monat|\bwill\s+(?:rule|decide)\s+on\b", _I)),
    ("bill_passed_first_reading", re.compile(r"\bfirst\s+reading\b|в\s+первом\s+чтении|in\s+erster\s+Lesung", _I)),
    ("bill_introduced", re.compile(r"\b(?:submitted|introduced|tabled)\s+(?:a|the)\s+bill\b|\bbill\s+was\s+(?:submitted|introduced)|внес(?:ен|ли|ён)\w*\s+(?:проект|законопроект)|в\s+Госдуму\s+(?:был\s+)?внес\w*|Gesetzentwurf\s+eingebracht", _I)),
    ("bill_passed", re.compile(r"\bpassed\s+(?:a|the)\s+bill\b|\bapproved\s+the\s+(?:bill|legislation)\b|\bbill\s+(?:was\s+)?passed\b|принял\w*\s+(?:в\s+(?:третьем|окончательном)\s+чтении|закон(?!опроект))|Gesetz\s+(?:verabschiedet|beschlossen)|verabschiedete\s+(?:ein|das)\s+Gesetz", _I)),
    ("law_signed", re.compile(r"\bsigned\s+(?:a|the)\s+law\b|\bsigned\s+(?:the\s+bill\s+)?into\s+law\b|\bsigned\s+laws?\b|подписал\w*\s+закон|unterzeichnete\w*\s+(?:\w+\s+){0,3}Gesetz\w*|Gesetz\w*\s+unterzeichnet", _I)),
    ("petition_filed", re.compile(r"(?:Prosecutor|Генпрокуратур|Генеральн\w+\s+прокуратур|прокурор|Generalstaatsanwalt)\w*[^.]{0,120}?(?:filed|asked|requested|applied|petition|обратил\w*|просит|заявлени\w*|потребовал\w*|требует|требуя|инициировал\w*|с\s+требованием|попросил\w*|ходатайств\w*|Antrag\s+gestellt|gefordert|beantragt)|\bpetition\s+from\b(?![^.]{0,40}\bsided\b)|(?:обратил\w*|обращал\w*|попросил\w*|потребовал\w*)\s+(?:[\w-]+\s+){0,3}?(?:Генпрокуратур|Генеральн\w+\s+прокуратур|генпрокурор|прокурор|Минюст)|\bиск\w*\s+(?:Генпрокуратур\w*|Генеральн\w+\s+прокуратур\w*|генпрокурор\w*)\s+поступил|\bиск\w*\s[^.]{0,120}?поступил\w*\s[^.]{0,40}?\bот\s+(?:Генпрокуратур|Генеральн\w+\s+прокуратур|генпрокурор|Минюст)|(?:подал|направил)\w*\s+(?:в\s+(?:[\w-]+\s+){0,2}?суд\w*\s+)?(?:административн\w+\s+)?(?:исков\w+\s+заявлени\w*|иск)|(?<!удовлетворил\s)(?<!удовлетворила\s)(?<!отклонил\s)(?<!по\s)(?<!соответствии\sс\s)(?<!согласно\s)(?<!основании\s)\bиск\w*\s+(?:генеральн\w+\s+прокурор|генпрокурор|генеральн\w+\s+прокуратур|генпрокуратур)\w*|Antrag\s+des\s+Generalstaatsanwalts"
        # a proscription case brought before a court: "the proscription case which the Department of Justice ... filed
        # before a Manila court in February 2018"
        r"|\b(?:de-?)?proscription\s+(?:case|petition|suit)\b(?=[^.]{0,140}?\bfiled\b)|\bfiled\s+(?:a\s+|the\s+)?(?:de-?)?proscription\s+(?:case|petition|suit)\b", _I)),
    ("proposed_delisting", re.compile(r"\border\b[^.]{0,40}\blaid\b[^.]{0,60}\bde-?proscrib\w*|\blaid\b[^.]{0,60}\border\b[^.]{0,40}\bde-?proscrib\w*", _I)),
    ("proposed_delisting", re.compile(r"\b(?:will|is\s+to|plans\s+to\s+formally)\s+revoke\b|\bto\s+revoke\b[^.]{0,60}\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", _I)),
    ("proposed_designation", re.compile(
        r"\blaid\s+an?\s+(?:draft\s+)?order\b[^.]{0,80}\b(?:to|will|which\s+will)\s+(?:proscribe|ban)\b|"
        # news-dev11: a stated plan to name a group: "she plans to officially name the Haqqani network ... as a
        # terrorist organization".
        r"\bplans?\s+to\s+(?:\w+ly\s+)?(?:name|designate|list|proscribe|ban|outlaw|blacklist)\b|"
        # news-dev11: a recommendation to Parliament that groups "be added" proposes the step: "laid a draft Order
        # ... recommending to Parliament that the following organisations be added to the list".
        r"\brecommend(?:s|ed|ing)?\s+(?:to\s+[\w ]{1,30}?\s+)?that\b[^.;]{0,80}?\bbe\s+(?:added|proscribed|banned|listed|designated)\b|\b(?:is|are)\s+to\s+(?:lay|be\s+(?:added|proscribed|banned|outlawed))\b"
        r"|\bwill\s+(?:\w+\s+){0,3}designate\b|\b(?:cabinet|government|council\s+of\s+ministers|Kabinett|Bundesregierung|правительств\w*)\b[^.]{0,40}\b(?:approved|backed|endorsed|billigte|beschloss|одобрил\w*)\b[^.]{0,60}\b(?:to\s+(?:list|designate|proscribe|ban)|listing|designation|proscription|признани\w*)\b|\band\s+designate\s+(?=(?:two|three|four|\d+)\b)"
        r"|\bwill\s+see\s+(?:[\w-]+\s+){0,4}?(?:proscribed|banned|listed)\b|\bfaces?\s+being\s+(?:banned|proscribed)\b"
        # A parliament's vote approves a proposed step, it does not take it: "voted 385 to 26 ... in favour of proscribing".
        r"|\bannounced\s+(?:plans?|(?:her|his|its|their|the)\s+intention)\s+to\s+(?:proscribe|ban|designate|list)\b"
        # A government's stated intention and a draft order before Parliament: "Britain said on Monday it would proscribe
        # X", "a draft proscription order has been laid against the group".
        r"|\b(?:said|announced|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|the\s+government)\s+would\s+(?:proscribe|ban|designate|list)\b"
        r"|\border\s+(?:has\s+been|had\s+been|was|is\s+being|is)\s+laid\b"
        r"|\bvot(?:ed|es|e|ing)\b[^.]{0,60}?\bin\s+favou?r\s+of\s+(?:proscribing|banning|designating|listing)\b|\bvot(?:ed|es|e)\s+to\s+(?:proscribe|ban|designate|list)\b"
        # A government's own proposal to Parliament: "The order would add four groups", "We propose to add A".
        r"|\b(?:the|this|an?)\s+(?:draft\s+)?order\s+(?:would|will)\s+(?:add|proscribe|ban)\b|\b(?:we|I)\s+(?:now\s+|\w+ly\s+)?propose\s+to\s+(?:add|proscribe|ban|list)\b"
        # news-verbs: a minister's step towards a ban: "has moved to proscribe the group by putting an order before parliament".
        r"|\bmoved\s+to\s+(?:proscribe|ban|designate|list|outlaw)\b", _I)),
    # French and Spanish announcements of a step to come: "va retirer", "va a designar", "retirará".
    ("proposed_delisting", re.compile(r"\b(?:va|vont)\s+(?:\w+\s+)?retirer\b|\bva(?:n)?\s+a\s+(?:retirar|quitar|sacar|revocar)\b|\bretirer(?:a|ont)\b|\b(?:retirará|retirarán|quitará|revocará)\b", _I)),
    ("proposed_designation", re.compile(r"\b(?:va|vont)\s+(?:\w+\s+)?(?:désigner|inscrire|interdire)\b|\bva(?:n)?\s+a\s+(?:designar|incluir|declarar)\b|\b(?:désignera|inscrira|interdira|designará|designarán|incluirá|declarará|declararán)\b", _I)),
    ("annulled", re.compile(r"\bannull?(?:ed|s|ing)?\s+(?:the\s+)?(?:designation|listing|decision|measures)|\bannulled\b"
        # a court finding the listing authority wrong: "a ruling by the European Court ..., which in December said the
        # EU was wrong to keep the PMOI's assets frozen"
        r"|\b(?:said|ruled|found|held)\s+(?:that\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:was|were|had\s+been)\s+wrong\s+to\s+(?:keep|list|include|freeze|designate|proscribe|ban)\b(?=[^.]{0,80}\b(?:frozen|list\w*|designat\w*|terror\w*))", _I)),
    # news-dev8: a decision to list annulled, in Russian and German: "Европейский суд отменил решение о включении
    # ... ХАМАС в список", "erklärte ... die Beschlüsse ... für nichtig", "wurden ... die Maßnahmen ... als nichtig erklärt".
    ("annulled", re.compile(
        r"(?<!\w)отмен(?:ил[аио]?|или|ен[аоы]?|[её]н)\s+(?:[\w-]+\s+){0,2}?решени\w*\s+(?:[^.]{0,60}?\s)?о\s+(?:включени|внесени|признани|запрет)\w*"
        r"|\b(?:erklärt\w*|erklär(?:en|te|ten))\b[^.;]{0,120}?\b(?:für|als)\s+[„\"“]?nichtig\b"
        r"|\b(?:für|als)\s+[„\"“]?nichtig[“\"”]?\s+(?:erklärt|erklärte|erklären)\b|\bNichtigerklärung\b",
        _I)),
    ("suspended", re.compile(r"\bsuspend\w*\s+(?:the\s+)?(?:previously\s+established\s+)?ban\b|\bban\b[^.]{0,80}\bis\s+suspended|приостанов\w*\s+(?:[\w-]+\s+){0,3}?запрет|запрет\w*\s+(?:на\s+деятельность\s+)?[^.]{0,80}?приостановлен\w*|временно\s+отменил\w*\s+запрет|(?<!не\s)останов(?:ил|ила|или|лен)\w*\s+(?:[\w-]+\s+){0,3}?запрет|Verbot\w*[^.]{0,40}auszusetzen|Verbot\w*[^.]{0,40}ausgesetzt", _I)),
    ("delisted", re.compile(
        r"\bremov(?:e|ed|es|ing)\b[^.;]{0,90}?\b(?:from|off)\s+(?:(?:its|the|their|a|Canada's|Russia's)\s+)?(?:[\w'’-]+\s+){0,5}?(?:list|terror)"
        r"|\bremov(?:e|ed|es|ing)\s+(?:the\s+)?(?:Taliban|group|regime)\b[^.]{0,30}\bfrom\b"
        r"|\b(?:taken|took|take|taking)\b[^.]{0,40}\boff\b[^.]{0,20}\b(?:list|terror)"
        r"|\bdelist(?:ed|s|ing)?\b|\brevok(?:e|ed|es|ing)\b[^.]{0,80}\bdesignation|\brevocation\b|\brescind\w*\b[^.]{0,60}\bdesignation"
        r"|\bno\s+longer\s+(?:on|appears|listed|designated|included|among)\b|\blifts?\s+sanctions\s+on\b|\blifted\s+(?:the\s+)?(?:designation|ban)\b"
        r"|\bde-?proscri(?:bed|bes|bing)\b|\bdeproscription\s+of\b|\bunbanned\b|\bstruck\b[^.]{0,60}\boff\b[^.]{0,20}\blist"
        r"|\bremov(?:e|ed|es|ing)\s+(?:its|the|their)\s+(?:terrorist\s+)?designation\b|\breversed\s+(?:those|the|its)\s+(?:terrorist\s+)?designations?\b|\bdesignation\b[^.]{0,40}\b(?:has\s+)?(?:lapsed|expired)\b|\bno\s+longer\s+considered\s+terrorists?\b"
        r"|(?:(?<=постановил\s)|(?<=постановила\s)|(?<=постановили\s)|(?<=решил\s)|(?<=решила\s)|(?<=обязал\s))исключить(?!\w)[^.]{0,80}из\s+(?:[\w-]+\s+){0,3}?(?:списк|перечн|реестр)"  # news-dev8: "Суд ЕС постановил исключить ... из списка"
        r"|исключ(?:ил[аио]?|или|[её]н[аоы]?|ены|ает|ают)(?!\w)[^.]{0,80}из\s+(?:[\w-]+\s+){0,3}?(?:списк|перечн|реестр|числа\s+(?:[\w-]+\s+){0,2}?(?:террористическ|запрещ))|решени\w*\s+(?:[^.]{0,60}?\s)?об\s+исключ|удовлетвори\w*\s+(?:[\w-]+\s+){0,3}?(?:иск|заявлени|требовани|ходатайств|представлени)\w*\s[^.]{0,80}?об\s+исключени\w*\s[^.]{0,80}?из\s+(?:[\w-]+\s+){0,3}?(?:списк|перечн|реестр)|(?:отозвал\w*|отменил\w*|снял[аио]?|сняли|лишил\w*)\s+(?:[\w«»\"„“-]+\s+){0,4}?(?:статус\w*|признани\w*|обозначени\w*)\b[^.]{0,60}?террористическ|(?:отменил\w*|снял[аио]?|сняли)\s+(?:[\w-]+\s+){0,2}?запрет\w*(?=[^.]{0,60}?(?:деятельност|движени|организаци|группировк|террористическ))|(?:вывел\w*|выведен\w*|удал(?:ил|ен|ён)\w*)[^.]{0,80}из\s+(?:[\w-]+\s+){0,3}?(?:списк|перечн|реестр|числа)|больше\s+нет|перестал\w*\s+(?:быть|считаться)\s+(?:[\w-]+\s+)?(?:запрещ|террористическ)\w*|больше\s+не\s+(?:является|считается|признаётся|признается)\s+(?:[\w-]+\s+)?(?:запрещ|террористическ)\w*"
        r"|von\s+(?:der|ihrer|seiner)\s+[\w-]*(?:liste|Liste)\b[^.]{0,120}?\b(?:gestrichen|genommen|entfernt)|Verbot\w*[^.]{0,80}\baufgehoben|(?:streicht|streichen|nimmt|nehmen)\b[^.]{0,80}\b(?:Terrorliste|Liste)"
        r"|nicht\s+länger\s+als\b[^.]{0,60}\bein(?:stufen|gestuft)|Sanktionen\s+gegen\s+[^.]{0,40}aufgehoben|hob\s+die\s+Einstufung\b[^.]{0,60}\bauf\b",
        _I)),
    # French and Spanish removals announced in the passive future: "Le Conseil de la choura ... sera également enlevée
    # de cette liste" (the group is the sentence's subject, see romance_names.romance_subject).
    ("proposed_delisting", re.compile(
        r"\b(?:sera|seront|será|serán)\s+(?:\w+\s+)?(?:enlev|retir|radi|supprim|eliminad|excluid|retirad)\w*(?=\s+(?:de|d['’]|des|del)\s+(?:la|cette|sa|leur|leurs|les|esta|su|sus)?\s*(?:[\w-]+\s+){0,2}?(?:liste|lista))",
        _I)),
    # news-verbs: "were also dropped from the department's official list of foreign terrorist
    # organisations", "Removed from the FTO blacklist were A, B and C", "agreed on a terrorism list that does not include
    # the PMOI" (the list is the match: the negation is the step, not a hedge).
    ("delisted", re.compile(
        r"\bdropped\s+(?:\w+\s+)?from\s+(?:[\w'’-]+\s+){0,5}?(?:list|blacklist)\b"
        r"|(?-i:\b(?:Removed|Dropped|Deleted)\s+from\s+(?:the|its|their)\s+)(?:[\w'’-]+\s+){0,4}?(?:list|blacklist)\w*\s+(?:were|was|are|is)\b"
        r"|\blist\w*(?=\s+(?:that|which)\s+(?:no\s+longer\s+includes?|does\s+not\s+include|did\s+not\s+include|excludes?)\b)"
        # The designation told first and its end after a long aside: "the designation as a terrorist entity of the
        # organisation known as Islamic Resistance (IR, also known as ...) was revoked", "... will expire".
        r"|\bdesignation(?:\s+of\b)?(?=[^.;]{0,320}?\b(?:was|were|has\s+been|have\s+been|is\s+hereby)\s+revoked\b|[^.;]{0,600}?,\s+(?:will|shall)\s+(?:expire|lapse)\b)",
        _I)),
    # French and Spanish removals: the verb is the match (the list is looked ahead for), so the object after it
    # is read as the removed group: "a retiré mardi le groupe X de sa liste", "quitó el martes a las FARC de la lista".
    ("delisted", re.compile(
        r"\b(?:retir(?:e|ent|é|ée|és|ées|ait|aient|a)|radi(?:e|é|ée|és|ées)|enlev(?:é|ée|és|ées)|sorti(?:e|s)?"
        r"|quit(?:ó|a|an|aron)|retir(?:ó|an|aron)|sac(?:ó|a|an|aron)|exclu(?:yó|ye|yen|yeron)|elimin(?:ó|a|an|aron)|borr(?:ó|aron)"
        r"|retirad[oa]s?|excluid[oa]s?|eliminad[oa]s?|la\s+retirada\s+de|le\s+retrait\s+de)\b"
        r"(?=[^.]{0,160}?\b(?:de|des|d['’]une)\s+(?:sa|la|leur|leurs|ses|les|su|sus|las|una)\s+(?:[\w-]+\s+){0,2}?(?:liste|lista)s?\b)"
        r"|\brévoqu\w*\b(?=[^.]{0,80}\b(?:désignation|statut|inscription))|\brevoc(?:ó|a|aron|ado|ada)\b(?=[^.]{0,80}\bdesignaci)"
        r"|\bn['’](?:est|sont|était)\s+plus\s+(?:inscrit|considéré|désigné|classé)\w*|\bya\s+no\s+(?:está|están|figura|figuran|es\s+considerad)\w*"
        r"|\blev(?:é|ée|e)\s+(?:la|sa)\s+désignation",
        _I)),
    # news-actions: a status taken away (before the listing verbs, whose "proscribed" it holds) ("Federal government on Saturday removed the proscribed status of
    # Tehreek-e-Labbaik Pakistan (TLP)").
    ("delisted", re.compile(
        r"\bremov(?:e|ed|es|ing)\s+(?:the\s+|its\s+|their\s+)?(?:proscribed|banned|terrorist|terror)\s+(?:status|tag|label)\s+of\b",
        _I)),
    # [news-ru] Among the Russian alternatives: the operative part of a ruling quoted from the bench ("«Признать ...
    # террористической организацией», — заявил судья", '"Признать ...", - сказано в решении суда'); a quoted claim
    # ("говорится в иске") is no ruling.
    ("designated", re.compile(
        r"\bre-?designat\w*|\bre[- ]?list(?:ed|s|ing)\b|\bdesignat(?:ed|es|ing|ion\s+of)\b|\b(?:entities|organi[sz]ations|groups)\s+(?:listed|designated|proscribed)\b|\blisted\s+(?:entities|organi[sz]ations|groups)\s+(?:are|include)\b"
        r"|\b(?:banned|outlawed|proscribed)\s+(?:two|three|four|five|six|seven|eight|\d+)\s+|\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+)listed\b|\bdeclared\s+(?=[^.]{0,60}\bas\s+(?:an?\s+)?terror)"
        r"|\brecogni[sz]ed\s+(?!as\b)[^.]{1,60}?\bas\s+(?:an?\s+)?[\"“]?terror|(?-i:\bVerbot\s+(?:des|der)\s+(?=[A-ZÄÖÜ„\"]))|(?-i:\bVerboten\s+wurden\b)|\bhas\s+listed\b|\blisted\s+(?:as|\w+\s+as)\b|\blisted\s+(?-i:(?:[A-Z][\w-]*\s*){1,5})\s*(?:,|as)\b|\b(?:added|adds)\b[^.]{0,80}\bto\s+(?:its|the|their)\s+(?:[\w“”\"‘’'-]+\s+){0,3}?list"
        r"|\bproscri(?:bed|bes|bing)\b|\b(?:was|were|been)\s+(?:(?:\w+ly|also|later|then|now)\s+){0,2}listed\b|\b(?:was|were|been|be)\s+(?:(?:\w+ly|also|later|then|now)\s+){0,2}(?:banned|outlawed)\b|\blabell?ed\b[^.]{0,30}\bterror|\brecogni[sz]ed\s+as\s+a\s+terror|\bdeclared\b[^.]{0,50}\bterror"
        r"|\b(?:officially\s+)?banned\s+(?:the\s+)?(?-i:(?=[‘“«]?[A-Z]))|\boutlawed\s+(?-i:(?=[‘“«]?[A-Z]))"
        # Other verbs reporters use: "blacklisted X", "bans X", "outlaws X", "branded X a terrorist group", "classified X
        # as a terrorist organisation", "named X a Specially Designated Global Terrorist", "put X on its terror list".
        # A ban reported by its coming into force: "a ban on Palestine Action came into force on Saturday".
        r"|\b(?:ban|proscription|listing)\s+(?:on|of|against)\s+(?=[^.]{0,80}?\b(?:(?:came|comes|has\s+come|have\s+come|come|coming)\s+into\s+(?:force|effect)|(?:took|takes|take|taking)\s+effect)\b)"
        r"|\bblacklist(?:ed|s|ing)?\b|\b(?:bans|outlaws)\s+(?:the\s+)?(?-i:(?=[A-Z]))|\bbranded\b[^.]{0,50}\bterror"
        r"|\bclassif(?:ied|ies|y)\b[^.]{0,60}\bas\s+(?:an?\s+)?[\"“‘']?(?:foreign\s+)?terror|\bnamed\b[^.]{0,60}\b(?:as\s+)?(?:an?\s+)?[\"“‘']?(?:foreign\s+|specially\s+designated\s+(?:global\s+)?)terror"
        r"|\bput\b[^.]{0,60}\bon\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,3}?list\b"
        r"|(?:призна(?:л|ла|ли|н|на|ны|но|ние|ет|ют|в|вал|вала|вали)|объявил\w*|объявлен[аоы]?|решени\w*\s+(?:\w+\s+){0,3}?о\s+признании)\b(?![^.]{0,60}\b(?:виновн|вин[уы]\b))[^.]{0,100}(?:террористическ|экстремистск)|удовлетвори\w*\s+(?:административн\w+\s+)?(?:иск|заявлени|требовани|ходатайств)\w*[^.]{0,80}?о\s+признании\b|(?-i:(?<=[«\"„“])Признать)\b(?=.{0,300}?террористическ[^«»\"]{0,200}[»\"“”]\s*,?\s*[-—–]\s*(?:[\w]+\s+){0,3}?(?:суд\w*|судь\w+|решени\w*|постановлени\w*))|террористическ\w+\s+(?:и\s+)?запретил|запрети(?:л|ла|ли)\s+(?:деятельность|его|ее|её|их)|(?<!не\s)\bзапрещ[её]н[аоы]?\s+(?=(?:[\w-]+\s+){0,3}?(?:(?:в|с)\s+(?:19|20)\d\d\b|\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b|по\s+решени|решением))|(?<!не\s)запрети(?:л|ла|ло|ли)\s+(?:[\w-]+\s+){0,2}?(?:объединени|организаци|движени|группировк|ассоциаци)\w*\s+(?=[«\"„“]?[A-ZА-ЯЁ])|(?:объявлен[аоы]?|объявил\w*\s+[^.]{0,80}?|[»\"“”]\s+)\bвне\s+закона\b|призна(?:л|ла|ли|н|на|ны|но)\s+(?:[\w-]+\s+){0,2}?запрещ[её]нн\w*"
        r"|\bdeclared\s+[^.]{0,80}?\bas\s+(?:an?\s+)?[\"“]?unlawful\s+association|\bnotification\s+(?:to\s+declare|declaring)\b|\bplaced\b[^.]{0,60}\bon\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?list\b"
        r"|(?:внес(?:ла|ли|ло|ено|ена|ены|[её]н)?|включил[аио]?|включили|включен[аоы]?|добавил[аио]?|добавили|добавлен[аоы]?|вошл[аио]?|вош[её]л|попал[аио]?)\b[^.]{0,120}?\bв\s+(?:\w+\s+){0,2}?(?:перечень|перечн\w+|список|списки|реестр|число)\b(?=[^.]{0,80}(?:террористическ|экстремистск|запрещенн|терроризм))|(?<!из\s)\bв\s+(?:[\w-]+\s+){0,2}?(?:перечень|список|реестр)\s+(?:также\s+)?(?:добавлен[аоы]?|включен[аоы]?|внесен[аоы]?|добавили|включили|внесли)\s+(?=[^.]{0,200}(?:террористическ|[«\"„“]))|(?<!из\s)\bв\s+(?:[\w-]+\s+){0,3}?(?:перечень|список|реестр)\s+(?:[\w«»\"-]+\s+){0,3}?[«\"]?(?:террористическ|экстремистск|запрещ)\w*[»\"]?\s+(?:\w+\s+){0,2}?(?:внесен[аоы]?|включен[аоы]?|добавлен[аоы]?|внесли|включили|добавили|вошл[аио]?|вош[её]л|попал[аио]?)\b"
        r"|(?-i:\bverboten\b|\bverbietet\b|\bverbot\b)|\bstuft\w*\b[^.]{0,80}\bals\s+(?:\w+\s+)?[Tt]error\w*\s+ein\b"
        # the standing listing told with its start: "Trotz der Einstufung der Taliban als Terrorgruppe seit 2003"
        r"|\bEinstufung\s+(?:der|des|von)\s+[^.]{0,60}?\bals\s+(?:\w+\s+)?[Tt]error\w*\s+seit\b"
        r"|\bals\s+(?:\w+\s+)?[Tt]error\w*\s+(?:eingestuft|gelistet)|\bauf\s+(?:die|ihre|seine)\s+(?:\w+\s+)?(?:Terrorliste|Liste)\w*\s+gesetzt"
        r"|Betätigungsverbot\w*\s+(?:für\s+[^.]{0,80})?(?:erlassen|verhängt)|erlässt\s+Betätigungsverbot|auf\s+der\s+Terrorliste",
        _I)),
    # French and Spanish listings: a finite verb or a passive ("a inscrit", "a été interdit", "designó", "fueron
    # designadas", "ha sido incluido"); the verb is the match, its object is read after it.
    ("designated", re.compile(
        r"\b(?:a|ont|avait|avaient|a\s+été|ont\s+été|avait\s+été|avaient\s+été|est|sont|été)\s+(?:\w+\s+)?"
        r"(?:inscrit|désigné|classé|interdit|listé)(?:e|s|es)?\b(?!\s+(?:de|d['’])\s)"
        # "a déclaré" and "a ajouté" are also how French reports speech ("», a déclaré le ministre"):
        # a listing only with a list or terrorism named after them, and no speaker inverted behind them.
        r"|(?<![»”\"],\s)(?<![»”\"]\s)\b(?:a|ont|avait|avaient|a\s+été|ont\s+été|est|sont|été)\s+(?:\w+\s+)?(?:ajouté|déclaré)(?:e|s|es)?\b"
        r"(?!\s+(?:de|d['’]|le|la|l['’]|les|M\.|Mme)\s?)(?=[^.»]{0,150}\b(?:liste|terroris))"
        r"|\b(?:inscri(?:t|vent)|désign(?:e|ent)|class(?:e|ent))\b(?=[^.]{0,150}\b(?:liste|terroris))"
        r"|\b(?:design(?:ó|a|an|aron)|declar(?:ó|a|an|aron)|clasific(?:ó|a|an|aron)|incluy(?:ó|e|en|eron)|incorpor(?:ó|a|an|aron)"
        r"|agreg(?:ó|a|an|aron)|añadi(?:ó|eron)|catalog(?:ó|a|an|aron))\b(?=[^.]{0,150}\b(?:terroris|lista))"
        r"|\b(?:fue|fueron|ha\s+sido|han\s+sido|había\s+sido|habían\s+sido|sido|son|es)\s+(?:\w+\s+)?"
        r"(?:designad|declarad|incluid|clasificad|agregad|añadid|catalogad)(?:o|a|os|as)\b"
        r"|\b(?:ha|han|había|habían)\s+(?:\w+\s+)?(?:designado|declarado|incluido|clasificado|agregado|añadido)\b"
        r"|\b(?:organizaciones|grupos|cárteles|carteles|entidades|organisations|groupes|entités)\s+(?:designad|inscrit|désigné)\w*\s+(?:son|fueron|incluyen|sont|étaient)\b",
        _I)),
    # news-jur: Spanish and French. "declaró a Hamas como organización terrorista", "incluyó a Hamás en el
    # Registro Público de Personas y Entidades vinculadas a actos de Terrorismo (RePET)", "dispuso la
    # inscripción de ... en el RePET", "oficializó la declaratoria de ocho grupos ... como Organizaciones
    # Terroristas", "a inscrit les groupes ... sur la liste des entités terroristes", "retiré de la liste".
    ("proposed_designation", re.compile(r"\bpropuso\s+(?:designar|declarar|incluir)\b|\bpropose\s+d['’](?:inscrire|ajouter)\b", _I)),
    ("delisted", re.compile(
        r"\b(?:retir(?:ó|aron|ado|ada|ados|adas)|elimin(?:ó|aron|ado|ada)|exclu(?:yó|yeron|ido|ida)|sac(?:ó|aron|ado|ada)|dio\s+de\s+baja)\b(?=[^.;]{0,120}?\bde\s+(?:la\s+|el\s+|su\s+)?(?:lista|listado|Registro|RePET))"
        r"|\b(?:retir(?:é|ée|és|ées|e|ent)|radi(?:é|ée|és|ées)|supprim(?:é|ée|és|ées))\b(?=[^.;]{0,120}?\bde\s+la\s+liste)|\bradiation\s+d[eu]"
        r"|\bde-list(?:ed|s|ing)?\b"  # the hyphenated English spelling ("were de-listed from the list")
        r"|\blevant[óa]\s+(?:la\s+)?(?:designaci[óo]n|prohibici[óo]n)\s+(?:de|contra|sobre)\b|\blev(?:é|ée)\s+l['’]interdiction\s+d[eu]\b",
        _I)),
    ("designated", re.compile(
        r"\bdeclar(?:ó|a|aron|ado|ada|ados|adas)\b(?=[^.;]{0,100}?\b(?:como\s+)?(?:una\s+)?organizaci[óo]n(?:es)?\s+terroristas?)"
        r"|\bdesign(?:ó|a|aron|ado|ada|ados|adas)\b(?=[^.;]{0,100}?\bcomo\s+(?:una\s+)?(?:organizaci[óo]n|grupo|entidad)(?:es)?\s+terroristas?)"
        r"|\binclu(?:yó|ye|yeron|ido|ida|idos|idas)\b(?=[^.;]{0,160}?\ben\s+(?:el\s+|la\s+|su\s+)?(?:Registro|RePET|lista|listado)\b)"
        r"|\b(?:la\s+)?inscripci[óo]n\s+de\b(?=[^.;]{0,160}?\ben\s+(?:el\s+|la\s+)?(?:Registro|RePET|lista)\b)|\bdeclaratoria\s+de\b(?=[^.;]{0,80}?\bterroristas?)"
        # news-grammar: the Spanish passive of an entry ("X quedó inscrito en el RePET", "fue inscripta en la lista");
        # "está inscripto" is a standing status (STANDING_STATUS) and is not read here.
        r"|\b(?:fue|fueron|qued(?:ó|aron)|ha\s+sido|han\s+sido)\s+(?:\w+mente\s+|también\s+)?inscrip?t(?:o|a|os|as)\b"
        r"(?=[^.;]{0,120}?\ben\s+(?:el\s+|la\s+|su\s+)?(?:Registro|RePET|lista|listado)\b)"
        r"|\binscri(?:t|te|ts|tes|vent|vait)\b(?=[^.;]{0,160}?\b(?:sur|à)\s+la\s+liste\b)|\bl['’]inscription\s+d[eu]\b(?=[^.;]{0,120}?\bsur\s+la\s+liste\b)"
        # Kazakh: "террористік ұйым деп танып" (recognised as a terrorist organisation), "... деп жариялады" (declared).
        r"|террористік\s+(?:ұйым|топ)\w*\s+деп\s+(?:тан|жарияла)\w*"
        r"|\bdésign(?:é|ée|és|ées|e|ent)\b(?=[^.;]{0,100}?\bcomme\s+(?:une\s+)?(?:organisation|entité|groupe)s?\s+terroristes?)|\bdéclar(?:é|ée|és|ées)\b(?=[^.;]{0,60}?\b(?:organisation|entité|groupe)s?\s+terroristes?)",
        _I)),
    # news-verbs: listing constructions reporters use beyond the plain verbs, in English, Spanish and French.
    # A ban declared with a predicate ("the President declared the organizations A and B banned", "has declared two
    # more outfits — A and B — proscribed organisations", "was on Wednesday declared a banned organisation"); a ban
    # extended ("extended the ban on the terrorist group SFJ": the group is designated again); a listing told by how
    # long it has stood ("has been on the list since 2003": background with its year); an inverted passive ("Added to
    # the list were A and B"); a group that joins a list.
    ("designated", re.compile(
        # A passive: its auxiliary (or the adverb or weekday after it) comes right before and is not part of the match,
        # so a day between them dates the step ("was on Wednesday declared a banned organisation").
        r"(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s)|(?<=\bbe\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=ly\s)|(?<=\balso\s)|(?<=day\s))"
        r"declared\s+(?:as\s+)?(?:an?\s+)?[\"“]?(?:banned|proscribed|outlawed|terrorist)\b"
        r"|\bdeclar(?:ed|es|e|ing)\b(?=\s+(?!that\b|it\s+(?:was|is)\b)[^.;:\"“”]{0,160}?\s(?:an?\s+)?(?:(?:banned|proscribed|outlawed)\b(?!\s+(?:by|under|for|from)\b)|[\"“]?terrorist[\"”]?\s+(?:group|organi[sz]ation|entity|outfit)s?\b))"
        # news-dev8: a declaration whose clause says what the groups are ("has declared that US far-right groups the
        # Proud Boys and The Base are terrorist organizations").
        # news-dev8: the decision to list, told by its noun ("Решение о включении ХАМАС в список террористических
        # организаций было принято 27 декабря 2001 года"); one annulled or challenged later in the sentence is not.
        r"|(?<!\w)решени\w*\s+о\s+(?:включении|внесении)(?!\w)(?![^.]*?(?:отмен|оспор|обжал))"
        r"(?=[^.]{0,120}?\sв\s+(?:[\w-]+\s+){0,2}?(?:перечень|перечн\w+|список|реестр)\s+(?:[\w-]+\s+){0,2}?(?:террористическ|экстремистск|запрещенн))"
        # news-dev8: the Russian of "designated ... as a terrorist organization" ("Госсекретарь США определила
        # «Кавказский эмират», ..., в качестве террористической организации").
        r"|(?<!\w)определил[аио]?(?!\w)(?=[^.]{0,160}?\sв\s+качестве\s+(?:[\w-]+\s+)?террористическ)"
        # news-dev8: "the Proud Boys were last year named a terrorist group in Canada".
        r"|\bnamed\s+(?:as\s+)?(?:an?\s+)?[\"“]?terrorist[\"”]?\s+(?:group|organi[sz]ation|entity|outfit)s?\b"
        r"|\bdeclared\s+that\b(?=\s[^.;:\"“”]{0,160}?\s(?:is|are)\s+(?:now\s+)?(?:an?\s+)?[\"“]?terrorist[\"”]?\s+(?:group|organi[sz]ation|entit(?:y|ie)|outfit)s?\b)"
        r"|\bextend(?:ed|s|ing)?\s+(?:the\s+|its\s+|a\s+)?(?:ban|proscription|designation|listing)\s+(?:imposed\s+)?(?:on|of|against)\b"
        r"|\b(?:has|have|had)\s+been\s+on\s+(?:the|its|their|a|an)\s+(?:[\w'’“”\"-]+\s+){0,3}?list\s+since\b"
        r"|(?-i:\b(?:Added|Named)\s+to\s+(?:the|its|their)\s+)(?:[\w'’-]+\s+){0,4}?list\w*\s+(?:were|was|are|is)\b"
        r"|\bjoin(?:s|ed)?\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?list\b",
        _I)),
    # French: "ajouté à la liste noire du terrorisme en 2014", "avant d'être désignée en tant que groupe terroriste en
    # 1997" (an announced "ajout des groupes suivants à la liste" is news-enum's pattern below).
    ("designated", re.compile(
        r"\bajouté(?:e|s|es)?\s+à\s+(?:la|sa|leur)\s+liste"
        r"|\bdésign(?:é|ée|és|ées)\s+en\s+tant\s+qu['’e]\s*(?:une?\s+)?(?:groupe|organisation|entité)s?\s+terroristes?",
        _I)),
    # news-enum: a decree's purpose is its act once the decree is signed ("firmó un decreto para declarar oficialmente a
    # Hamás y Hezbollah como organizaciones terroristas"), and an announced addition is the listing ("a annoncé l'ajout
    # des groupes suivants à la liste des entités terroristes : ...").
    ("designated", re.compile(
        # news-dev8: a court order obtained for the purpose is the act too ("obtuvo una orden del Tribunal Superior de
        # ese país para designar a ... como entidad terrorista").
        r"\b(?:(?:firm|emiti|promulg|aprob|dict|public|expidi)(?:ó|aron)|obtuv(?:o|ieron))\s+(?:un|el|una|la)\s+(?:decreto|resoluci[óo]n|orden)\b[^.;]{0,40}?"
        r"\bpara\s+(?:declarar|designar|incluir)\b"
        r"(?=[^.;]{0,120}?\bcomo\s+(?:una?\s+)?(?:organizaci[óo]n|grupo|entidad)(?:es)?\s+[«\"“]?terroris)"
        r"|\b(?:a|ont)\s+(?:signé|publié|pris|adopté)\s+un\s+décret\s+pour\s+(?:désigner|inscrire)\b"
        r"|\b(?:annonc\w*|approuv\w*|confirm\w*|officialis\w*)\s+l['’]ajout\b"
        r"(?=\s+d(?:es|e|u)\b[^.;]{0,120}?\bà\s+la\s+liste\s+des\s+(?:entités|organisations|groupes)\s+terroristes)",
        _I)),
    # news-actions: verbs of listing whose category follows the object, in English, Spanish, French, German and
    # Russian: "listed the Muslim Brotherhood and two Syrian jihadist groups as terrorist organisations", "decided to
    # declare the northern branch of the Islamic Movement in Israel an unlawful organization", "announced the official
    # listing of the IRGC as a terrorist entity", "included both groups on the country's national terrorism list",
    # "identifiqué a los siguientes grupos ... como organizaciones terroristas", "son terroristas las pandillas
    # denominadas ...", "erklärte die Gruppe zur Terrororganisation", "ввели запрет на группу".
    ("designated", re.compile(
        r"\blisted\b(?=\s(?!as\b)[^.;,]{0,140}?\bas\s+(?:an?\s+)?[\"“‘']?(?:terror|unlawful|illegal|banned|proscribed))"
        r"|\b(?:the\s+)?(?:official\s+|formal\s+)?listing\s+of\b(?=[^.;]{0,140}?\bas\s+(?:an?\s+)?[\"“‘']?terror)"
        r"|\bdeclar(?:ed|es|e|ing)\b(?=\s+(?!that\b|it\s+(?:was|is)\b)[^.;:\"“”]{0,140}?\s(?:as\s+)?(?:an?\s+)?(?:unlawful|illegal)\s+(?:organi[sz]ation|association|group|entity)s?\b)"
        r"|\binclud(?:ed|es|ing)\b(?=\s[^.;]{0,100}?\b(?:on|in|to)\s+(?:the|its|their|a)\s+(?:[\w'’-]+\s+){0,4}?(?:terror\w*|sanctions?|proscri\w*)\s+(?:[\w-]+\s+)?list\b)"
        # news-grammar: "has also been included in the list of terrorist entities": the list named by what it lists.
        r"|(?<=\bbeen\s)included\b(?=\s+(?:in|on)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?list\s+of\s+(?:[\w-]+\s+){0,2}?terror\w*)"
        r"|\bidentific(?:ó|aron|a|an|ado|ada|ados|adas)\b(?=[^.;]{0,200}?\bcomo\s+(?:una?\s+)?(?:organizaci[óo]n|grupo|entidad)(?:es)?\s+terroristas?)"
        r"|\bidentifiqu[ée]\b(?=[^.;]{0,200}?\bcomo\s+(?:una?\s+)?(?:organizaci[óo]n|grupo|entidad)(?:es)?\s+terroristas?)"
        r"|\b(?:son|eran|serán)\s+terroristas\s+(?:las|los)\s+(?:pandillas|maras|grupos|organizaciones|bandas)"
        r"(?:\s+(?:denominad|llamad|conocid)[oa]s(?:\s+como)?)?"
        r"|\bqualifi(?:é|ée|és|ées|ant|e|ent|ait)\b(?=[^.;]{0,120}?\bd['’](?:organisation|entité|groupe)s?\s+terroristes?)"
        r"|\berklär(?:t|te|ten|en)\b(?=[^.;]{0,120}?\bzur?\s+(?:\w+\s+)?(?:Terror\w*|terroristischen\s+(?:Organisation|Vereinigung)))"
        r"|(?:ввел[аио]?|ввели|введ[её]н)\s+(?:[\w-]+\s+){0,2}?запрет\s+на\b",
        _I)),
    ("annulled", re.compile(
        r"\bannul(?:é|ée|és|ées|e|ent|ait|a)\b(?=[^.;]{0,80}?\b(?:décision|désignation|inscription|qualifi|classement|interdiction))"
        r"|\banul(?:ó|aron|ado|ada|a|an)\b(?=[^.;]{0,80}?\b(?:decisi[óo]n|designaci[óo]n|inscripci[óo]n|declaratoria|prohibici[óo]n))"
        r"|\boverturn(?:ed|s|ing)?\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+)?(?:ban|designation|listing|proscription)\b",
        _I)),
    ("proposed_designation", re.compile(r"\borders\s+(?:were|have\s+been|had\s+been|are\s+being)\s+laid\b", _I)),
    # news-actions: a court disbanding a named group ("An Indonesian court has disbanded Jamaah Ansharut Daulah"; the
    # group's own "disbanded in 2005" has no capitalised object) and an asset freeze ordered under terrorism law
    # ("British banks were last week ordered to freeze the assets of Jemaah Islamiyah").
    ("designated", re.compile(
        r"\bdisband(?:ed|s)\s+(?-i:(?=[A-Z]))|\b(?:ordered\s+to\s+freeze|froze)\s+(?:the\s+)?(?:assets|funds)\s+of\b",
        _I)),
    # news-actions: a bill registered in a parliament ("в Верховной раде был зарегистрирован законопроект ...").
    ("bill_introduced", re.compile(
        r"зарегистрирова\w*\s+(?:[\w-]+\s+){0,2}?законопроект|законопроект\w*\s+[^.]{0,60}?зарегистрирован\w*", _I)),
]  # fmt: skip

# Hedges and non-events: proposals by individuals, opinions, conditionals, plans, negations.
# When one of these governs the action phrase, the sentence is not an event.
NON_EVENT = re.compile(
    # "may" lower case only: "WASHINGTON, May 19 - ..." is the month
    r"\b(?:could|would|might|(?-i:may)|should|ought|urged?|calls?\s+(?:on|for)|called\s+for|proposal|proposed\s+to|suggest\w*"
    r"|plans?\s+to|planning|considering|consider|weighs?|intends?\s+to|expected\s+to\s+(?!be\s+published)|seeks?\s+to|wants?\s+to"
    r"|if\s+passed|would\s+(?:be|allow)|whether|not\s+yet|has\s+not|have\s+not|did\s+not|does\s+not|reportedly\s+weighs"
    r"|legal\s+(?:framework|mechanism)|mechanism|paves?\s+the\s+way|denied|can\s+be|called\s+on|intent\s+to|potentially|discussions?|before\s+being|will\s+be\s+(?:sent|signed|designated)|sets?\s+in\s+motion|to\s+be\s+(?:removed|signed)|first\s+(?:of\s+two\s+)?steps?|threshold|potentially)\b"
    r"|(?<!\w)не\s+(?:призна|запрети|внес|включи|исключ|приостанов|ввел|ввод)|\bотказ\w*|\bбуд(?:ет|ут)\b|\bмож(?:ет|ем)\b|призвал\w*|призыва\w*|предлага\w*|предложил\w*|намерен\w*|планиру\w*|возможност\w*|хочет|хотят|вопрос\w*\s+об?\b|может\s+быть|можно|могут|позволя\w*|мог\w*\s+бы|стоит\s+исключить|собирается|предусматрива\w+|просьбой|намекнул|ещё\s+не|еще\s+не|не\s+принят"
    # news-jur: Spanish and French hedges and negations.
    r"|\b(?:podría|podrían|debería|deberían|planea|pretende|busca|evalúa|analiza|pourrait|pourraient|devrait|devraient|envisage|souhaite|demande|propose|si)\b|\bno\s+(?:fue|ha\s+sido|está|es)\b|\bn['’](?:a|est)\s+pas\b"
    r"|\bRufe\s+nach|\bForderung\w*\s+nach|\bkönnte\w*|\bsollte\w*|\bkönnen\b|\bnicht\s+verboten|\bfordert\w*\b|\bwollen\b|\bmöglicherweise"
    # What a law lets a government do, in general: "it can issue a notification", "if the government finds".
    r"|\b(?:it|they|this|which|listing|designation|government|minister|court)\s+can\b|\bcannot\b|\bif\b|\bесли\b|\bfalls\b"
    # French and Spanish: conditionals, obligations, plans, proposals, negations.
    r"|\bpourrai\w*|\bdevrai\w*|\bdoi(?:t|vent)\b|\benvisag\w*|\bsouhait\w*|\bpropos(?:ent|é|ée|ition)\b|\bpropose\s+de\b|\bprévoi\w*|\bprojet\w*|\bdébat\w*"
    r"|\bn['’]\w+\s+pas\b|\bne\s+\w+\s+pas\b|\bsi\b|\bpodría\w*|\bdeberí\w*|\bdebe\w*\b|\bplane(?:a|an|aba)\b|\bse\s+prepara|\bserían?\b"
    r"|\b\w+aría\b|\b\w+arían\b|\bpropon\w*|\bpropuest\w*|\bintención|\bpretend\w*|\bno\s+(?:ha|han|fue|fueron|es|está)\b"
    # news-dev11: holding back from a step, a step taken in error ("wrongly listed"), demands ("fordern Verbot der Hamas"), "do not", a leaning, an effort or a push towards a step, a process begun, a recommendation and a negated
    # status are no step: "is leaning toward designating", "efforts to push the UN in designating", "no effort to
    # begin the process of designating", "рекомендовал депутатам принять", "is not recognized as a terrorist group".
    r"|\bheld\s+back\s+from|\bholding\s+back\s+from|\brefrain(?:ed|ing)?\s+from|\bstopped\s+short\s+of|\b(?:wrongly|mistakenly|erroneously)\b"
    r"|\bforder(?:n|te|ten)\b|\b(?:do\s+not|don['’]t|doesn['’]t|didn['’]t)\b|\bleaning\s+to(?:wards?)?\b|\befforts?\s+to\s+(?:push|get|have|secure|persuade|convince|lobby|designate|list|ban|proscribe)\b|\bpush(?:es|ed|ing)?\b|\bbegin\w*\s+the\s+process\b|\bno\s+effort"
    r"|\brecommend(?:s|ed|ing)?\b|рекомендова\w*|\b(?:is|are|was|were)\s+not\s+(?:\w+ly\s+)?(?:recogni[sz]ed|listed|designated|banned|proscribed|considered|declared|named)\b",
    _I,
)

# news-dev11: the groups a sanctions list is "against" name the list ("исключили из списка санкций против
# террористических группировок Исламское государство и Аль-Каида", "the sanctions list against ISIL and al-Qaida").
LIST_SCOPE_BEFORE = re.compile(
    r"(?:\b(?:санкци|списк|спис[оа]к|перечн|перечень|режим)\w*\s+(?:[\w-]+\s+){0,2}?против|\b(?:sanctions?|list|regime)\s+"
    r"(?:\w+\s+){0,2}?against)\s+(?:[\w-]+\s+){0,3}?[\"«„“]?$",
    _I,
)

# A court granting a petition is a ruling, not the filing of one.
PETITION_GRANTED = re.compile(r"\bsided\s+with\b|\bgranted\b|\bupheld\b|удовлетвори\w*|stattgegeben", _I)
# Russia's 2024 law lets courts only *suspend* a ban; reports of a "removal" there are suspensions.
SUSPENSION_CONTEXT = re.compile(r"suspen\w*|приостанов\w*|ausgesetzt|auszusetzen|aussetzen", _I)

# Speech verbs: a date next to one of these is when the step was announced, not when it took effect.
SPEECH = re.compile(
    r"\b(?:said|says|announced|announces|stated|told|reported|confirmed|declared|wrote|published|statement|memo|press\s+release|laid"
    r"|заявил\w*|сообщил\w*|сообщает|рассказал\w*|объявил\w*|сказал\w*|озвучен\w*"
    r"|teilte|mitgeteilt|erklärte\w*|sagte|verkündete\w*|berichtete\w*|berichten"
    r"|annonc\w*|indiqu\w*|communiqué|dijo|anunci\w*|inform(?:ó|aron|a)|señal\w*|afirm\w*|comunicado|comunicó|publié|publicó)\b",
    _I,
)
EFFECT = re.compile(
    r"\b(?:effective|take\s+effect|takes\s+effect|go\s+into\s+effect|in\s+force|came\s+into|comes\s+into|in\s+Kraft|вступ\w+\s+в\s+силу|since|seit|с\s+\d|en\s+vigueur|en\s+vigor|depuis|desde|à\s+compter|a\s+partir)\b",
    _I,
)

# Who acts: country names, adjectives and bodies, by jurisdiction code.
JURISDICTIONS: list[tuple[str, re.Pattern[str]]] = [
    (
        "UN",
        re.compile(
            r"\bUN\b|\bU\.N\.|United\s+Nations|(?<!National\s)Security\s+Council(?!\s+of\s+(?!the\b)[A-Z])|\bООН\b|UN-Sicherheitsrat|Sicherheitsrat|Vereinten\s+Nationen|Совет\w*\s+Безопасности\s+ООН"
            r"|Nations\s+[Uu]nies|Naciones\s+Unidas|\bONU\b|Conseil\s+de\s+sécurité|Consejo\s+de\s+Seguridad"
        ),
    ),
    (
        "EU",
        re.compile(
            r"\bEU\b|European\s+Union|European\s+(?:foreign|interior|justice|finance)\s+ministers|General\s+Court\s+of\s+the\s+EU|Council\s+of\s+the\s+EU|\bЕС\b|Евросоюз\w*|Europäische\w*\s+Union|\bEU-|Union\s+européenne|Unión\s+Europea|\bUE\b"
        ),
    ),
    (
        "RU",
        re.compile(
            r"\bRussia\w*|\bMoscow\b|\bKremlin\b|State\s+Duma|\bDuma\b|Federation\s+Council|Росси\w*|\bРФ\b|Госдум\w*|Государственн\w+\s+Дум\w*|Москв\w*|Кремл\w*|Совет\w*\s+Федерации|Russland\w*|russisch\w*|Moskau|\bRussie\b|\bRusia\b|Moscou|Moscú"
        ),
    ),
    (
        "KZ",
        re.compile(
            r"Kazakh\w*|Astana|Tokayev|Казахстан\w*|\bРК\b|Токаев\w*|Астан[аеыу]\b|Алматы\b|Kasachstan\w*|Kazajist\w*"
        ),
    ),
    (
        "KG",
        re.compile(
            r"Kyrgyz\w*|Bishkek|Pervoma[iy]sky|Киргиз\w*|Кыргыз\w*|Бишкек\w*|Kirgis\w*|Kirghiz\w*|Kirguist\w*"
        ),
    ),
    (
        "US",
        re.compile(
            r"United\s+States|\bU\.S\.|\bUS\b|\bUSA\b|Washington|State\s+Department|Department\s+of\s+State|Trump\s+administration|\bRubio\b|Federal\s+Register|\bСША\b|Вашингтон\w*|\bUS-|\bUSA\b|amerikanisch\w*"
            r"|États-Unis|Etats-Unis|Estados\s+Unidos|\bEE\.\s?UU\.|\bEEUU\b|américain\w*|estadounidense\w*|Département\s+d['’]État"
            r"|Departamento\s+de\s+Estado|Registro\s+Federal|Maison\s+Blanche|Casa\s+Blanca"
        ),
    ),
    (
        "GB",
        re.compile(
            r"\bUK\b|United\s+Kingdom|\bBritain\b|\bBritish\b|Home\s+Secretary|Home\s+Office|House\s+of\s+Commons|\bMPs\b|Terrorism\s+Act\s+2000|Великобритани\w*|Großbritannien|britisch\w*"
            r"|Royaume-Uni|britannique\w*|\bLondres\b|Reino\s+Unido|británic\w*"
        ),
    ),
    ("CA", re.compile(r"\bCanad\w*|\bOttawa\b|Канад\w*|Kanada\w*|canadien\w*|canadiense\w*")),
    (
        "DE",
        re.compile(
            r"\bGerman\w*|Bundesinnenminist\w*|Bundesregierung|Bundesamt|Deutschland|deutsche\w*|Германи\w*|Faeser|Dobrindt|Bundesministerium\s+des\s+Innern|\bBMI\b|Bundesverwaltungsgericht|Allemagne|allemand\w*|Alemania|alemán|alemana\w*"
        ),
    ),
    ("AU", re.compile(r"\bAustralia\w*|Канберр\w*|Australien")),
    ("NZ", re.compile(r"New\s+Zealand|Neuseeland|Nouvelle-Zélande|Nueva\s+Zelanda")),
    ("FR", re.compile(r"\bFrance\b|\bFrench\b|Франци\w*|Frankreich|\bFrancia\b")),
    ("IN", re.compile(r"\bIndia\b|\bIndian\s+government|Инди\w+|Indien|\bInde\b")),
    ("TR", re.compile(r"\bTurkey\b|\bTürkiye\b|Турци\w*|Türkei|\bTurquie\b|\bTurquía\b")),
    ("TJ", re.compile(r"Tajik\w*|Таджикистан\w*|Душанбе\b|Tadschikistan")),
    ("UZ", re.compile(r"Uzbek\w*|Узбекистан\w*|Ташкент\w*|Usbekistan")),
    ("AT", re.compile(r"\bAustria\w*|Österreich\w*|\bAutriche\b")),
]

# Organisation names that are not in the registry: quoted, or after a descriptive noun.
QUOTED_NAME = re.compile(r"[«„“\"]([^«»„“”\"]{2,60})[»“”\"]")
ORG_NOUN = re.compile(
    r"\b(?:group|network|organi[sz]ation|movement|association|cult|sect|militia|faction|Netzwerk|Vereinigung|Gruppierung|Gruppe|Verein|Organisation|Teilorganisation|Miliz|gang|движени\w+|организаци\w+)\s+(?:(?:called|named|known\s+as|namens|mit\s+dem\s+Namen)\s+)?(?:the\s+)?[„\"«“]?"
    r"(?P<name>(?:[A-ZÄÖÜ][\w'’-]+)(?:\s+(?:[A-ZÄÖÜ][\w'’-]+|\d+|(?:al|el|ad|as|ash|at|az|ul|ut)-[\w'’-]+|de|al|ul|ut|of))*)"
)
EN_OBJECT = re.compile(
    r"\b(?:designated|proscrib(?:ed|ing|e)|listed|banned|outlawed|added|declared|classified|blacklisted|branded)\s+(?:the\s+)?"
    # a place or patron that describes the group is no part of its name: "the Lebanon-based Al-Qard Al-Hassan"
    r"(?:[A-Z][\w'’]*-(?:based|backed|linked|affiliated|led|funded|sponsored)\s+)?(?P<names>(?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|de|al|of))*(?:(?:,\s+(?:the\s+)?|\s+and\s+(?:the\s+)?)(?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|de|al|of))*)*)"
)
# The subject of a passive step, adverbs allowed ("Hizbul Mujahideen has also been listed"), and the antecedent of a
# relative clause ("a group called A or NS131, which was also banned by the UK government").
EN_SUBJECT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|de|al|of))*(?:\s+(?:collective|group|network|movement|gang|cartel|brigade))?)"
    r"(?:\s*\([^()]{1,30}\))?(?:\s+or\s+[A-Z0-9][\w'’-]*)?"
    r"(?:,\s+(?:which|who|that))?\s+(?:was|were|is|are|has|have|had|will)\s+(?:(?:\w+ly|also|now|since|later|then|been|be)\s+){0,3}"
    r"(?:designated|proscribed|listed|banned|outlawed|delisted|de-?proscribed|declared|dropped)\b"
)
NOT_ORGS = re.compile(
    r"^(?:The|A|An|It|He|She|They|This|That|Its|Their|State|Department|Secretary|Ministry|Government|Court|Supreme|Council|Parliament|President|Minister|Home|Office|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Canada|Russia|Kazakhstan|Kyrgyzstan|Germany|United|US|UK|EU|UN|Foreign|Terrorist|Terrorism|Islamic\s+Emirate|MPs|Syria|Afghanistan|Israel)$"
)
ALIAS_LINK = re.compile(
    # An acronym may stand between: "Hay'at Tahrir al-Sham (HTS), also known as the al-Nusrah Front".
    r"^\W*(?:\([^()]{1,15}\)\W*)?(?:also\s+known\s+as|a\.?k\.?a\.?|formerly(?:\s+known\s+as)?|known\s+as|auch\s+bekannt\s+als|ранее\s+известн\w+\s+как|\(|—|–|-)\W*(?:the\s+)?$",
    _I,
)

# A status step inside a bill or law ("a bill to remove groups from the list") is the bill's content, not an act.
LEGISLATION = re.compile(
    r"\b(?:bill|law|legislation|amendments?)\b|законопроект\w*|(?<!\w)закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|поправк\w*|Gesetz\w*|Gesetzentwurf|projet\s+de\s+loi|proyecto\s+de\s+ley",
    _I,
)
STATUS_ACTIONS = frozenset({"designated", "delisted", "suspended", "reinstated", "annulled"})
# Countries named as the object ("removed Syria from its list of state sponsors") are not organisations.
COUNTRY_OBJECT = re.compile(
    r"\b(?:Syria|Syrien|Syrie|Siria|Afghanistan|Iran|Irán|Yemen|Jemen|Yémen|Cuba|Kuba)\b|Сири\w+|Афганистан\w*|Иран\w*"
)
# Jurisdictions named as a model to follow ("in accordance with UN practice") do not act.
DEFERENCE = re.compile(
    r"(?:accordance\s+with|according\s+to|in\s+line\s+with|as\s+per|following|aligning|соответствии\s+с|практикой|gemäß|im\s+Einklang\s+mit)\W*(?:the\s+)?$",
    _I,
)
NEGATION_AFTER = re.compile(
    r"\b(?:would|could|might|will)\s+not\b|\bnicht\b|ещё\s+не|еще\s+не|не\s+принят"
    # "published a list of 20 groups labeled as terrorist organizations; the Taliban was not on it".
    r"|\b(?:was|were|is|are)\s+not\s+(?:on|in|among|included|listed|designated|named)\b",
    _I,
)

# A standing status, not a step: "already proscribed", "remains listed", "по-прежнему считается".
STANDING_STATUS = re.compile(
    r"\balready\s+(?:been\s+)?(?:proscribed|listed|banned|designated|recogni[sz]ed)|\bremains?\s+(?:proscribed|listed|banned|designated|on\s+the)"
    r"|\bstill\s+(?:proscribed|listed|banned|designated)|\best[áa]\s+inscript[oa]|\bsigue\s+(?:inscript|incluid|designad)|\b(?:reste|demeure|figure)\s+(?:inscrit|sur\s+la\s+liste)|по-прежнему\s+(?:считается|запрещ|признан)|\bweiterhin\s+(?:verboten|gelistet)"
    r"|\bthere\s+are\s+(?:currently\s+|now\s+)?\d+\s+(?:organisations|organizations|entities|groups)|\bother\s+proscribed\s+groups\s+include"
    # a running total before the news: "Prior to Wednesday's announcement, Australia had classified 26 groups"
    r"|\bhad\s+(?:\w+ly\s+)?(?:classified|listed|designated|proscribed|banned)\s+\d{2,}\s+(?:[\w-]+\s+)?(?:organisations|organizations|entities|groups)\b"
    r"|\b(?:toujours|déjà)\s+(?:inscrit|interdit|considéré|désigné|classé)|\b(?:reste|restent|demeure|demeurent)\s+(?:inscrit|interdit|sur\s+la\s+liste)"
    r"|\bsigue[n]?\s+(?:siendo|en\s+la\s+lista|designad|incluid)|\bpermanece[n]?\s+en\s+la\s+lista|\bya\s+(?:estaba|está|están)\s+(?:designad|incluid|en\s+la\s+lista)"
    r"|\bil\s+y\s+a\s+actuellement\s+\d+|\bhay\s+actualmente\s+\d+"
    # news-dev11: a designation reviewed and kept, or amended (new aliases), is no new one; "auf der Terrorliste belassen".
    r"|\bmaintain(?:ed|s)?\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?designations?\b|\bamend(?:s|ed)?\s+the\s+designations?\b|\bbelassen\b",
    _I,
)
# In force the day it is announced.
IMMEDIATE_EFFECT = re.compile(
    r"with\s+immediate\s+effect|effective\s+immediately|takes?\s+effect\s+immediately|mit\s+sofortiger\s+Wirkung|sofort\s+wirksam"
    r"|немедленн\w+\s+исполнени\w*|вступа\w+\s+в\s+силу\s+немедленно|avec\s+effet\s+immédiat|prend\s+effet\s+immédiatement"
    r"|con\s+efecto\s+inmediato|entra\s+en\s+vigor\s+de\s+inmediato",
    _I,
)
FEDERAL_REGISTER_PUBLICATION = re.compile(r"\b(?:publish\w*|print\w*|publication|appear\w*)\b", _I)
# "four organisations", "two Islamist groups", "eight organizations": the names come in the next sentences.
FORWARD_COUNT = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|sept|huit|neuf|dix|dos|tres|cuatro|cinco|seis"
    r"|siete|ocho|nueve|diez"
    # news-dev8: Russian numerals and the nouns Russian news counts groups in ("исключил пять структур из ... списка").
    r"|два|две|двух|три|тр[её]х|четыре|четыр[её]х|пять|пяти|шесть|шести|семь|семи|восемь|восьми|девять|девяти|десять|десяти"
    r"|\d+)\s+(?:[\w()-]+\s+){0,3}(?:organi[sz]ations|groups|entities|Organisationen|Gruppen|Vereine|организаци\w+"
    r"|групп\w*|структур\w*|формировани\w*|объединени\w*|entités|groupes|organizaciones|grupos|entidades|cárteles|carteles)\b",
    _I,
)
# news-dev8: a court as the subject of a removal, right before its verb ("Суд ЕС постановил", "трибунал", "the General
# Court", "das EU-Gericht", "le Tribunal de l'UE"); a ruling that ends in the verb, nothing between but a few words.
COURT_SUBJECT = re.compile(
    r"(?:(?<!\w)(?:суд|трибунал)(?:\s+ЕС|\s+Евросоюза|\s+Европейского\s+союза)?"
    r"|\b(?:[Cc]ourt|[Tt]ribunal|Gericht|EuGH|EuG|[Cc]our|[Cc]orte)\b)"
    r"(?:\s+(?:[\w-]+\s+){0,3}?(?:постановил\w*|решил\w*|ruled\s+to|ordered|has|hat|a|ha))?\s+(?:[\w-]+\s+)?$",
    _I,
)
# news-dev8: a government named by its state, right before the state's name ("el Gobierno de", "the Government of").
GOVERNMENT_OF = re.compile(
    r"\b(?:gobierno|gouvernement|government|governo|Regierung|правительств[оа])\s+(?:de\s+la\s+|de\s+|del\s+|d['’]|du\s+|des\s+"
    r"|of\s+(?:the\s+)?|von\s+|der\s+)$",
    _I,
)
# news-dev8: the states a listing holds in, right after its category ("named a terrorist group in Canada", "declared a
# terrorist group in Britain, Canada and Australia", "banned in Germany").
IN_STATES = re.compile(
    r"\w*[\"”]?(?:\s+(?:as\s+)?(?:an?\s+)?[\"“]?(?:[\w-]+[\"”]?\s+){0,2}?(?:organi[sz]ations?|groups?|entit(?:y|ies)|outfits?))?\s+in\s+(?:the\s+)?",
    _I,
)
STATES_BETWEEN = re.compile(r",?\s+(?:and\s+)?(?:the\s+)?|,\s*", _I)
# news-dev8: a request and its maker ("tras la solicitud hecha al respecto por Estados Unidos", "at the request of the
# United States", "по просьбе США"): the state that asked does not act; the one that granted it does.
REQUEST_BY = re.compile(
    r"\b(?:(?:tras|según|a|por|ante)\s+(?:la\s+|una\s+)?(?:solicitud|petici[óo]n|pedido)|(?:à\s+la|sur)\s+demande"
    r"|(?:at|on)\s+the\s+request|following\s+(?:a|the)\s+request|(?<!\w)по\s+просьбе|auf\s+Antrag)"
    r"[^.;]{0,50}?(?:\b(?:por|de|del|d['’]|of|from|by|von|des)\s+|(?<=просьбе)\s+)(?:(?:los|las|el|la|les|the|der)\s+)?"
    r"[A-ZÀ-ÞА-ЯЁ][\w.-]*(?:\s+[A-ZÀ-ÞА-ЯЁ][\w.-]*){0,3}",
    _I,
)
# news-dev8: an object of groups not counted ("ряд ближневосточных вооруженных формирований", "several groups",
# "plusieurs groupes"): the names, if any, follow in the next sentences.
UNCOUNTED_OBJECT = re.compile(
    r"\b(?:ряд|несколько|several|a\s+number\s+of|plusieurs|varios|varias|mehrere)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:organi[sz]ations|groups|entities|Organisationen|Gruppen|Vereine|организаци\w+|групп\w*|структур\w*"
    r"|формировани\w*|объединени\w*|entités|groupes|organisations|organizaciones|grupos|entidades)\b",
    _I,
)
# Where names are announced: "groups to be banned are A and B", "ban on A and B", "support for A and B".
NAMES_CUE = re.compile(
    r"\b(?:are|were|include[sd]?|namely|ban\s+on|support\s+for|designation\s+of|proscription\s+of)\s+|:\s+",
    _I,
)
# Names after "the individuals are", "leaders ... were" are people, not organisations.
PEOPLE_BEFORE_CUE = re.compile(
    r"\b(?:individuals?|persons?|people|leaders?|members?|Personen|лиц\w*)\s+(?:\w+\s+){0,2}$", _I
)
# A bare plural subject ("organisations have been so proscribed") is no particular group.
GENERIC_SUBJECT = re.compile(
    r"\b(?:organi[sz]ations|groups|entities|Organisationen|Gruppen|организации)\s+(?:\w+\s+){0,3}$", _I
)
COUNT_WORDS = {
    "fourteen": 14,
    "twenty-one": 21,
    "twenty-eight": 28,
    "thirty": 30,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    # news-jur: Spanish and French.
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
}

# "The order will take effect on Thursday", "The designations took effect on February 20, 2025": the day a
# listing step reported elsewhere in the article comes into force.
IN_FORCE = re.compile(
    r"\b(?:take[sn]?|took)\s+effect\b|\bgo(?:es)?\s+into\s+effect\b|\bfrom\s+midnight\b|\bcomes?\s+into\s+(?:force|effect)\b|\bcame\s+into\s+(?:force|effect)\b|\bin\s+Kraft\b|вступ\w+\s+в\s+силу"
    r"|\bhave\s+effect\b[^.]{0,60}\bfrom\b|\bwith\s+effect\s+from\b|\beffective\s+from\b",
    _I,
)
IN_FORCE_SUBJECT = re.compile(
    r"\b(?:designations?|order|listings?|proscription|revocation|ban|notification|declaration|Verbot\w*|решени\w*|запрет\w*)\b",
    _I,
)
# "A ban against X has come into force", "is now in force": in force on the day the article reports it.
NOW_IN_FORCE = re.compile(
    r"\b(?:has|have)\s+(?:now\s+)?come\s+into\s+(?:force|effect)|\b(?:has|have)\s+(?:now\s+)?taken\s+effect"
    r"|\b(?:is|are)\s+now\s+in\s+force|\bcomes?\s+into\s+(?:force|effect)\s+today",
    _I,
)
# "will be banned from midnight", "came into force at midnight" (no day given).
MIDNIGHT = re.compile(r"\b(?:from|at|after)\s+midnight\b(?![^.]{0,20}\b(?:on|of)\s+[A-Z0-9])", _I)
# "FTO designations go into effect upon publication in the Federal Register": effective on a day not given.
UPON_PUBLICATION = re.compile(r"\b(?:go|goes|take|takes)\s+(?:into\s+)?effect\s+upon\s+publication\b", _I)
# "The government also outlawed TAK", "The order also banned": the same step as the one before.
CONTINUATION = re.compile(
    r"\balso\b|\bauch\b|\bebenfalls\b|\bgleichzeitig\b|\bтакже\b|\bthe\s+(?:same\s+)?order\b|\bthe\s+(?:other|second|third|fourth|fifth)\b"
    r"|^(?:Besides|In\s+addition|Additionally)\b|\bкроме\s+того\b|\bademás\b|\btambién\b|\basimismo\b|\bégalement\b|\ben\s+outre\b",
    _I,
)

# Lower-case literals at least one of which occurs wherever the action's pattern matches: a plain
# substring test (fast, in C) decides whether the pattern is worth running on a sentence at all.
ACTION_ANCHORS: dict[str, tuple[str, ...]] = {
    "review_due": ("federation council", "совет федерации"),
    "hearing_scheduled": ("hearing", "слушани", "заседани", "рассмотрени", "рассмотрит", "рассмотрят", "разбирательств", "entscheid", "will rule", "will decide"),
    "bill_passed_first_reading": ("first reading", "первом чтении", "erster lesung"),
    "bill_introduced": ("submitted", "introduced", "tabled", "bill was", "внес", "госдум", "gesetzentwurf", "зарегистрирова"),
    "bill_passed": ("passed", "approved", "приня", "gesetz", "verabschiedete"),
    "law_signed": ("signed", "подписал", "unterzeichn"),
    "petition_filed": ("prosecutor", "прокурат", "прокурор", "generalstaatsanwalt", "petition from", "обратил", "иск", "proscription"),
    "proposed_delisting": (
        "laid", "revoke", "retirer", "va a", "van a", "retirará", "retirarán", "quitará", "revocará",
        "sera", "será",  # news-verbs
    ),
    "proposed_designation": (
        "laid", "to lay", "to be", "designate", "approved", "backed", "endorsed", "billigte", "beschloss", "одобрил", "will see",
        "being banned", "being proscribed", "order would", "order will", "propose to", "vot", "announced plans",
        "announced her intention", "announced his intention", "announced its intention", "announced their intention",
        "announced the intention", "would proscribe", "would ban", "would designate", "would list", "désigner", "inscrire", "interdire", "va a", "van a", "désignera", "inscrira",
        "interdira", "designará", "designarán", "incluirá", "declarará",
        "propuso", "propose d",  # news-jur: es/fr
        "propose", "moved to",  # news-verbs
        "orders",  # news-actions
        "recommend", "plans to", "plan to",  # news-dev11
    ),
    "annulled": ("annul", "wrong to", "anul", "overturn", "отмен", "nichtig"),
    "suspended": ("suspend", "приостанов", "запрет", "временно отменил", "verbot"),
    "delisted": (
        "remov", "tak", "took", "delist", "revok", "revocation", "rescind", "longer", "lift", "revers", "lapsed",
        "expired", "перестал", "исключ", "вывел", "выведен", "удал", "отозвал", "отменил", "снял", "сняли", "лишил", "больше", "liste", "aufgehoben", "streich", "nimmt", "nehmen", "länger",
        "sanktionen", "einstufung", "proscri", "unbanned", "struck", "retir", "radi", "enlev", "sorti", "quit", "sacó", "saca", "exclu", "elimin", "borr",
        "retrait", "révoqu", "revoc", "plus inscrit", "plus considéré", "plus désigné", "plus classé", "ya no", "levé", "leve",
        "sacaron", "sacad", "baja", "supprim", "levant", "de-list",  # news-jur: es/fr
        "dropped", "deleted", "include", "exclude", "expire", "lapse",  # news-verbs
    ),
    "designated": (
        "designat", "list", "proscri", "banned", "outlaw", "declar", "recogni", "verbot", "verbiet", "label",
        "призна", "запрет", "запрещ", "террористическ", "объявил", "удовлетвори", "unlawful", "notification", "placed", "внес",
        "включ", "добав", "перечень", "список", "реестр", "вошл", "вошел", "вошёл", "попал",
        "inscri", "désign", "classé", "classe", "ajouté", "interdit", "déclaré", "listé", "design", "clasific", "incluy",
        "incorpor", "agreg", "añadi", "catalog", "incluid", "blacklist", "ban on", "ban of", "ban against", "proscription", "listing", "bans", "outlaws", "branded",
        "classif", "named", "put ",
        "определил",  # news-dev8
        "stuft", "eingestuft", "gelistet", "gesetzt", "einstufung",
        "declar", "inclu", "déclar", "террористік",  # news-jur: es/fr/kk
        "extend", "since", "added to", "named to", "join", "ajout",  # news-verbs
        "disband", "to freeze", "froze", "identific", "identifiqu", "son terroristas", "eran terroristas", "serán terroristas", "qualifi", "erklär", "ввел", "введ",  # news-actions
    ),
}  # fmt: skip
ALL_ANCHORS: tuple[str, ...] = tuple(sorted({a for anchors in ACTION_ANCHORS.values() for a in anchors}))


@functools.cache
def _anchor_pattern(anchors: tuple[str, ...]) -> re.Pattern[str]:
    # one scan of the sentence in C instead of one substring test per anchor in Python
    return re.compile("|".join(re.escape(anchor) for anchor in sorted(anchors, key=len, reverse=True)))


def has_anchor(lowered: str, anchors: tuple[str, ...]) -> bool:
    """Whether the lower-cased text contains one of ``anchors`` (plain substrings)."""
    return _anchor_pattern(anchors).search(lowered) is not None


# Every action pattern above contains one of these stems: a sentence without any is skipped after a
# single scan (most sentences of an article), which keeps extraction fast on long texts.
TRIGGER = re.compile(
    r"designat|list|proscri|\bban|outlaw|remov|taken|took|\btak|off\b|revok|revoc|rescind|longer|lift|annul|suspend|bill|law|legislation"
    r"|reading|sign|petition|prosecutor|hearing|\brule|decide|order|laid|\blay|recogni|declar|label|revers|lapse|expire|council|submitted"
    r"|introduced|tabled|passed|approved|amendment|\bwill\b|terror|исключ|решени|вывел|больше|призна|запрет|приостанов|прокур|обрат|внес|госдум"
    r"|думу|чтени|включ|unlawful|notification|placed|принял|подписал|слушани|совет|закон|verbot|verbiet|liste|gestrichen|genommen|entfernt|aufgehoben|streich|nimmt|nehmen"
    r"|länger|sanktion|einstufung|ausgesetzt|auszusetzen|gesetz|lesung|unterzeichn|antrag|staatsanwalt|entscheid|sicherheitsrat"
    r"|identific|identifiqu|qualifi|erklär|ввел|введ|anul|overturn|disband|freeze|froze|зарегистрирова",
    _I,
)
RELATIVE_DAY = re.compile(
    r"today|yesterday|tomorrow|earlier|previous|following|later|gestern|heute|morgen|vortag|вчера|сегодня|завтра|накануне"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|понедельник|вторник|сред|четверг|пятниц|суббот|воскресен",
    _I,
)

# Russian-language bodies named without their country ("Верховный суд признал ...") act for Russia when
# the article names no country at all: Kazakh and Kyrgyz reports name theirs.
# A state's own office named without its state ("the National Security Council designated FETÖ", "the
# Interior Ministry", "the Council of Ministers"): it acts for the state whose government the article last
# named ("the Turkish government"), not for whichever country was named last (a foreign report's author).
UNNAMED_NATIONAL_OFFICE = re.compile(
    r"\b(?:the\s+)?(?:National\s+(?:[A-Z][a-z]+\s+){0,2}(?:Council|Committee|Authority|Assembly|Agency|Commission)"
    r"|(?:Interior|Home|Justice|Foreign)\s+Ministry|Ministry\s+of\s+(?:the\s+)?(?:Interior|Justice|Home\s+Affairs)"
    r"|Council\s+of\s+Ministers|Cabinet)\b"
)

# A designation that lapses or expires (a delisting: see the "delisted" verbs).
LAPSE = re.compile(r"\b(?:laps(?:e|es|ed)|expir(?:e|es|ed))\b", _I)
# The date of the designation that lapses: "the group's 2022 designation", "the designation of ETA, made
# pursuant to section 22 ... on 10 February 2010, and renewed ... will expire" (the renewals are not it).
DESIGNATION_AFTER_DATE = re.compile(r"\s+(?:terrorist\s+)?designation\b", _I)
MADE_BEFORE_DATE = re.compile(
    r"\b(?:made|imposed|first\s+designated)\b(?:(?!\brenew)[^;])*?\b(?:on|in)\s+$", _I
)

# A draft order's laying, with its day after it: "the draft ... Order 2021, which was laid before this House on 19
# April" (the day a proposal to proscribe was made).
ORDER_LAID_ON = re.compile(r"\b[Oo]rder\b[^.]{0,80}?\blaid\b(?:\s+before\s+(?:this|the)\s+House)?\s+on\s+$")

RU_BODIES = re.compile(
    r"Верховн\w+\s+[Сс]уд\w*|\bВС\b|Минюст\w*|Генпрокуратур\w*|Генеральн\w+\s+прокуратур\w*|Госдум\w*"
    r"|\bФСБ\b|Федеральн\w+\s+служб\w+\s+безопасности|Росфинмониторинг\w*|\b[Сс]уд\w*\b|Путин\w*|Совет\w*\s+Федерации|Генпрокурор\w*"
)


def leading_literals(pattern: str) -> tuple[str, ...] | None:
    """The literal text each top-level alternative of ``pattern`` starts with (after ``\\b``), or None
    when some alternative does not start with at least two literal characters."""
    alternatives: list[str] = []
    depth, current = 0, ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            current += pattern[index : index + 2]
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            index += 1
            continue
        current += char
        index += 1
    alternatives.append(current)
    anchors: list[str] = []
    for alternative in alternatives:
        body = alternative.removeprefix("\\b")
        literal = ""
        position = 0
        while position < len(body):
            char = body[position]
            if char == "\\" and position + 1 < len(body) and body[position + 1] in ".-":
                literal += body[position + 1]
                position += 2
                continue
            if char.isalnum() or char in " -'’":
                literal += char
                position += 1
                continue
            break
        # A quantifier after the last literal ("Russia\\w*" is fine, "Pervoma[iy]" keeps "Pervoma").
        if position < len(body) and body[position] in "?*{" and literal:
            literal = literal[:-1]
        if len(literal) < 2:
            return None
        anchors.append(literal)
    return tuple(anchors)


JURISDICTION_ANCHORS: dict[str, tuple[str, ...] | None] = {
    code: leading_literals(p.pattern) for code, p in JURISDICTIONS
}

# A sentence right after a reported ruling or ban that dates it: "in its ruling on April 17", "Это решение
# было озвучено 17 апреля", "Административное дело было рассмотрено 4 июня", "Das teilte sie am Donnerstag mit".
DECISION_REF = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\s+move\b|\b(?:decision|ruling|judgment|verdict|resolution|Entscheidung|Urteil|Beschluss|Verbot\w*|teilte\b[^.]{0,60}\bmit)\b"
    r"|решени\w*|дело\b|заседани\w*|запрет\w*|постановлени\w*|вынесен\w*"
    r"|\b(?:medida|resoluci[óo]n|decisi[óo]n|décision|arrêté|mesure)\b|шешім\w*",  # news-jur: es, fr, kk
    _I,
)

# A name right after these is the news source, not an organisation acted on.
SOURCE_BEFORE = re.compile(
    r"(?:сообща\w+|переда\w+|пишет|reports?|reported|according\s+to|berichte\w*|meldet|laut|по\s+данным|со\s+ссылкой\s+на)\s*[«„“\"]?$",
    _I,
)

# "comes into force 21 days after it is laid": in force a number of days after the laying.
DAYS_AFTER_LAID = re.compile(
    r"\b(?P<days>\d{1,3}|seven|ten|fourteen|twenty-one|twenty-eight|thirty)\s+days\s+after\s+(?:it\s+(?:is|was|has\s+been)\s+|being\s+)?laid\b",
    _I,
)
# A lead sentence about what will happen is not dated by its dateline.
FUTURE_ACT = re.compile(
    r"\b(?:will|would|to\s+be|is\s+to|are\s+to|plans?\s+to|wird|werden|soll|будет|будут|va|vont|sera|seront|será|serán)\b",
    _I,
)

# Russia's, Belarus's and Kyrgyzstan's *extremist* lists (courts' bans of "extremist organisations",
# "extremist formations", extremist materials) are not terrorist lists: a step on them is no designation
# here (see docs/news.md). A sentence, or a Russian-language article, that speaks of extremism and never
# of terrorism reports such a step.
EXTREMIST_LIST = re.compile(r"экстремистск\w*|экстремистами|extremist\s+formations?", _I)
# Extremist *materials* (books, videos, pages) are no organisation, on any list.
MATERIALS = re.compile(
    r"материал\w*|\bmaterials?\b|Materialien|книг\w*|брошюр\w*|словар\w*|видеоролик\w*|листовк\w*|песн[яию]\w*",
    _I,
)
TERRORISM = re.compile(r"террорист\w*|\bterror\w*", _I)
# The object is any organisation at all, not a named one: "designating an organisation as unlawful",
# "to declare such an association unlawful".
GENERIC_OBJECT = re.compile(
    # news-dev11: "various"/"numerous" count no named group either ("have on occasions proscribed various groups").
    r"\s+(?:an?|such(?:\s+an?)?|any|certain|these|those|various|numerous)\s+(?:[\w-]+\s+)?(?:organi[sz]ations?|groups?|entit(?:y|ies)|associations?|individuals?|persons?)\b",
    _I,
)
# A registry name used as a description of another group: "seven Islamic State (IS)-affiliated groups",
# "the al-Qaida affiliate behind ...", "Islamic State's branch in Libya", "three Al Qaida affiliates".
DESCRIPTIVE_AFTER = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:\s*[-–]\s*|\s+|['’]s\s+)(?:(?:terror\s+)?(?:group|organi[sz]ation)['’]?s?\s+)?"
    r"(?:affiliated|affiliates?|branch(?:es)?|linked|backed|inspired|aligned|offshoots?|splinter|franchises?|ally|allies)\b",
    _I,
)
DESCRIPTIVE_BEFORE = re.compile(
    r"\b(?:affiliates?|branch(?:es)?|offshoots?|splinter\s+group)\s+of\s+(?:the\s+)?$"
    # Where other groups come from: "groups that have formed out of FARC", "dissidents of", "split from".
    r"|\b(?:formed|emerged|split|splintered|broke\s+away|broken\s+away|breakaway|dissidents?|defected)\s+(?:out\s+of|from|of)\s+(?:the\s+)?$"
    # Whom the listed group helped, not the listed group: "for providing material support to Hamas", "ties to".
    r"|\b(?:support|assistance|funding|funds|money|financing|services)\s+(?:\w+\s+)?(?:to|for)\s+(?:the\s+)?$|\b(?:ties|links?|connections?)\s+(?:to|with)\s+(?:the\s+)?$"
    r"|\bon\s+behalf\s+of\s+(?:the\s+)?$|\b(?:financed|funded|backed|supported)\s+(?:by\s+)?(?:the\s+)?$",
    _I,
)
# "FARC today is designated as a political party", "listed as a company": a category that is no terrorist list.
LISTING_CATEGORY = re.compile(r"\s+as\s+(?:an?\s+|the\s+)?(?P<category>[^.;,]{1,60})", _I)
TERROR_CATEGORY = re.compile(
    r"terror|\bFTOs?\b|\bSDGTs?\b|proscri|banned|unlawful|extremis|sanction|organi[sz]ations?|entit(?:y|ies)|groups?\b",
    _I,
)
# "has placed", "has designated", "hat ... verboten": a step taken on the story's own day.
# An all-capital acronym right after "признал": "суд признал РДК террористической организацией".
RU_RECOGNISED_ACRONYM = re.compile(
    r"призна(?:л|ла|ли|ть)\s+(?P<name>[A-ZА-ЯЁ]{2,8})\s+(?:террористическ|экстремистск)"
)
# A name given as the category a group is put in ("as an \"Unlawful Association\"") is not a group.
CATEGORY_BEFORE = re.compile(r"\b(?:as|als|как)\s+(?:an?\s+|the\s+)?[\"“«„]?$", _I)
PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:placed|designated|listed|banned|proscribed|added|outlawed|declared)\b"
    r"|\bhat\b[^.]{0,120}\bverboten\b"
    r"|\b(?:a|ont)\s+(?:\w+\s+){0,2}?(?:inscrit|désigné|interdit|retiré|ajouté|classé)\w*|\b(?:ha|han)\s+(?:\w+\s+)?(?:designado|incluido|retirado|declarado)\b",
    _I,
)
GROUP_NOUN_BEFORE = re.compile(
    r"(?:организаци|движени|объединени|легион|батальон|групп|сообществ|формировани|фонд|парти|союз|group|movement"
    r"|organi[sz]ation|network|legion|Verein|Vereinigung|Gruppe|Gruppierung|Netzwerk)\w*\s+[«„“\"]?$",
    _I,
)
# "Proscribing them sends a clear signal": a gerund subject speaks of the measure, not of a step.
GERUND_SUBJECT = re.compile(
    r"\s*(?:Proscribing|Banning|Designating|Outlawing|Listing|Delisting)\s+(?:them|it|these|those|such|the)\b"
)
