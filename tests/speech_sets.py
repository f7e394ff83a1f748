"""Sentences for Festival to speak: help requests, commands and non-commands (issue 13), and
emergencies (issue 11). Written for these tests and benchmarks; shared by both so the numbers in
``scripts/bench_stt.py`` / ``bench_dialog.py`` are about the same speech the tests use."""

from __future__ import annotations

#: Contacts named in the requests (the domain language model learns them from settings).
CONTACTS = ["John", "Maria", "Tanaka", "Priya", "Sato", "Carlos", "Ken", "Aiko"]

#: Help requests as people say them, with contacts' names (at least 20).
REQUESTS = [
    "please ask john to check the numbers in the report by five",
    "could maria help me carry the boxes to the car this afternoon",
    "i can't finish the monthly report by friday could tanaka take over the counting",
    "i need someone to pick up my medicine from the pharmacy tomorrow",
    "could priya look over my slides before the meeting on monday",
    "my back hurts and i can't lift the shopping could carlos help me",
    "i'm struggling with the new computer could someone show me how to send an email",
    "could sato cover my shift on saturday morning",
    "i need help filling in the insurance form before the end of the week",
    "can you ask my sister maria to call me tonight",
    "i'm too tired to cook dinner could someone bring me some food",
    "could john drive me to the doctor on thursday at ten",
    "i can't reach the top shelf could someone help me get the blue box down",
    "please ask aiko to check my email for the train tickets",
    "i feel overwhelmed with work could we talk for ten minutes today",
    "could tanaka lock the cashbox and count the money tonight",
    "i need help moving the table into the kitchen",
    "could someone walk the dog for me this evening",
    "i don't understand this letter from the bank could priya read it with me",
    "my phone is not working could john take a look at it after lunch",
    "could maria water the plants while i'm in the hospital",
    "i need someone to help me write a reply to my manager by tomorrow",
]

#: Command phrases people say at the menu and at questions.
COMMANDS = ["send", "send it", "save", "keep it", "read it again", "change the time", "change who",
            "cancel", "start over", "skip", "go back", "repeat", "yes", "no", "stop", "try again",
            "change what", "change", "save it", "cancel it"]

#: Things people say at a command turn that are no command (issue 13's and more: at least 40).
NON_COMMANDS = [
    "thank you", "hmm", "no that's wrong", "please don't send that", "i need to talk to my doctor first",
    "wait a moment", "what did you say", "i'm not sure", "that sounds good", "okay",
    "hold on", "i don't like it", "maybe later", "let me think", "is that right",
    "can you say it slower", "who is this for", "it's fine", "oh dear", "hello",
    "the weather is nice today", "my tea is cold", "where are my glasses", "i forgot",
    "good morning", "um well", "let me see", "that's not what i meant", "what time is it",
    "i want to go home", "tell me more", "are you listening", "sorry", "never mind",
    "i'll do it myself", "it doesn't matter", "the dog is barking", "i'm hungry",
    "thanks a lot", "just a second", "what now", "how does this work", "one more thing",
    "that is lovely", "excellent", "i think so", "nothing", "good night",
]

#: Emergencies as people say them (issue 11), for the crisis path through ``listen --input``.
EMERGENCIES = [
    "i fell and i can't get up",
    "my chest hurts and i can't breathe",
    "help i fell in the bathroom and my hip really hurts",
    "please call an ambulance",
    "i took all my pills",
    "there is a fire in the kitchen",
    "i can't breathe",
    "he is hitting me and i'm scared",
    "my husband collapsed and he is not responding",
    "i cut my hand and it won't stop bleeding",
]
