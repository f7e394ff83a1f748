#!/usr/bin/env python3
"""Generate training data for the voice_helper safety classifier.

Writes
  voice_helper/nlu/data/safety_train_en.jsonl
  voice_helper/nlu/data/safety_train_ja.jsonl
one JSON object per line: {"text": ..., "crisis": bool, "kind": ...}

Sources, in order:
  1. Hand-written whole sentences (HAND_* tables below), emitted verbatim.
     Lines starting with "~" are hand-written recognizer-style lines
     (English: lower case, no punctuation; Japanese: Vosk-style morphemes
     separated by single spaces, no punctuation).
  2. Recognizer-style variants of part of the hand-written sentences
     (lower-casing, fillers, repeats, dropped words, mishearings such as
     "can't" -> "can", which keeps the crisis label: the speaker meant can't).
  3. Template combinations of hand-written parts (subjects, events,
     registers, openers, closers) for more variety.

Japanese source strings are written with morphemes separated by spaces and
punctuation as separate tokens; the written form joins them, the
recognizer form drops punctuation and keeps the spaces.

Deterministic (fixed seed); stdlib only.  Run:  python3 scripts/gen_safety_train.py
"""
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "voice_helper" / "nlu" / "data"
SEED = 20240611
TARGET_PER_CLASS = 900

CRISIS_KINDS = ["fall", "cardiac", "breathing", "bleeding", "overdose", "unresponsive",
                "stroke", "allergy", "fire_gas", "explicit_call", "violence",
                "suicidal", "suicidal_act"]
SAFE_KINDS = ["idiom", "past_or_resolved", "minor_symptom", "other_context",
              "emotional_not_crisis", "ordinary"]

# ---------------------------------------------------------------------------
# English, crisis, hand-written
# ---------------------------------------------------------------------------
HAND_EN_CRISIS = {
"fall": """
I fell and I can't get up.
I've fallen in the bathroom and I can't get up.
Help, I fell down the stairs and I can't move my leg.
I slipped in the kitchen and I think my hip is broken, I can't stand.
My dad fell and he's not getting up.
Grandma fell in the hallway and hit her head, there's blood.
My wife fell off the ladder and she's not moving.
I'm on the floor, I fell, I can't reach the phone, please help.
I fell out of bed and I've been on the floor for hours.
My husband fell in the shower and he can't get up.
Mom fell down the stairs and she's not answering me.
I tripped on the rug and now I can't move at all.
The old man next door fell in his yard and he isn't moving.
I fell and hit my head really hard, everything is spinning.
My grandfather fell and he's confused and bleeding.
Sorry, I fell a while ago and I still can't get up off the floor.
I fell, and my leg is twisted the wrong way.
I fell in the garden and I can't feel my legs.
My son fell off the roof, he's awake but he can't move.
Someone fell onto the train tracks!
A man just fell off his bike and he's lying in the road not moving.
I fell getting out of the tub and I can't get up, the water's gone cold.
My mother fell an hour ago and she can't get up, and I can't lift her.
Please, I fell and I can't get up, I'm alone.
I've been lying on the kitchen floor since last night, I fell.
My daughter fell off the climbing frame and she's not moving.
I fell on the ice and my hip hurts so bad I can't move.
I think I broke my hip, I fell and I can't stand up.
My friend fell off the cliff path and he's not answering.
Dad slipped on the stairs and he's lying at the bottom groaning.
I fell in the bath and I can't climb out.
My grandmother fell and she's been on the floor since this morning.
~i fell and i can get up
~i fell down and i can get up please help
~help i fell i can't get up
~um i fell in the bathroom and i can get up
~my mom fell she's not moving
~dad fell down the stairs he's not moving
~i've fallen i can get up help me
~grandpa fell and hit his head he's not waking up
~fell down can't get up
~so i um i fell and i can't get up off the floor
~i fell i fell and i can get up
~uh my wife fell off the ladder she can get up
""",
"cardiac": """
I have a crushing pain in my chest.
My chest hurts really bad and the pain is going down my left arm.
I think I'm having a heart attack.
My dad is clutching his chest and he's sweating a lot.
My husband grabbed his chest and collapsed.
There's a tight pressure in my chest and I feel sick and dizzy.
My heart is pounding and I feel like I'm going to pass out.
Chest pain, bad, I can't breathe properly.
My mother says her chest feels like someone is sitting on it.
I've had chest pain for twenty minutes and it's getting worse.
My grandfather collapsed and I can't find a pulse.
He's not breathing and there's no pulse, what do I do?
Someone collapsed in the store, I think it's his heart.
My heart is beating really fast and irregular and I'm fainting.
My jaw and my left arm hurt, I'm sweating and my chest is tight.
I'm so sorry to bother you, but my chest has been hurting and now my arm is numb.
My pacemaker feels wrong and I'm about to faint.
My wife suddenly collapsed and she's not breathing, I think her heart stopped.
I feel pressure in my chest, I'm short of breath and I feel like throwing up.
The pain in my chest won't go away and I'm scared.
My brother is having chest pains and he has heart problems.
Grandma says her heart is racing and she feels faint.
The man next to me on the bus grabbed his chest and slumped over.
I blacked out for a second and now my chest is really hurting.
My dad has a heart condition and he's gone grey and can't catch his breath.
Someone needs to do CPR, he's got no pulse!
~i think i'm having a heart attack
~my chest hurts so much
~chest pain really bad chest pain
~um my husband has chest pain and he's gray and sweating
~my dad's heart he's holding his chest
~my chess hurts and my arm is numb
~the pain in my chest is spreading to my back
~uh my chest is really tight and i can breathe right
~heart attack i think it's a heart attack
""",
"breathing": """
I can't breathe.
I can't catch my breath.
My son is choking and he can't breathe!
Grandpa is choking on his food.
My baby is turning blue.
She's gasping for air and her lips are blue.
I'm having an asthma attack and my inhaler isn't working.
My throat is closing up.
I can't get any air in.
My daughter's asthma is really bad and she can't speak.
He's wheezing and struggling to breathe.
My husband stopped breathing in his sleep and I can't wake him.
Something is stuck in my throat and I can't breathe.
My toddler put a toy in his mouth and now he's choking.
My grandmother is struggling to breathe and her oxygen tank ran out.
I'm breathing really fast, I can't get enough air and my chest is tight.
He breathed in a lot of smoke and now he can't breathe properly.
My wife is making a choking sound and can't talk.
The baby isn't breathing, please help.
My dad's breathing is very slow and rattly.
I swallowed a fish bone and now I can barely breathe.
My friend was hyperventilating and now she's passed out.
My little girl swallowed a grape whole and she's not breathing.
Mum's lips are going purple and she's fighting for every breath.
~can't breathe
~i can breathe help
~help she can't breathe
~my baby's not breathing
~i can't breathe i can't breathe
~um my mom is choking on something
~uh i can't get my breath
~my son is choking he can breathe please help
~he's choking he's choking
~i can breathe my throat is closing
""",
"bleeding": """
I cut myself with a kitchen knife and it won't stop bleeding.
There's blood everywhere.
My dad cut his hand on the saw and it's bleeding really badly.
My son has a deep cut on his leg and the blood is spurting out.
I'm bleeding a lot and I feel dizzy.
She hit her head and it's bleeding heavily.
I've been pressing on it for ten minutes and it's still pouring blood.
My husband is coughing up blood.
I'm vomiting blood.
My nose won't stop bleeding, I'm on blood thinners and it's been an hour.
He got cut by broken glass and there's so much blood.
My grandmother fell and her arm is bleeding badly, and she's on blood thinners.
I'm pregnant and I'm bleeding a lot.
My daughter got bitten by a dog and she's bleeding badly.
There's been a car accident and the driver is bleeding from his head.
I stepped on glass and the cut is deep and bleeding through the towel.
The blood is soaking right through the bandage.
My father's wound opened up and it's bleeding heavily.
My mom is bleeding from her mouth and nose after she fell.
My wife cut the tip of her finger off and it's gushing.
I cut my leg with the chainsaw.
~bleeding won't stop
~i cut my arm and it won't stop bleeding
~there's so much blood
~blood everywhere help
~i'm losing a lot of blood
~um my son cut his hand it's bleeding really bad
~the bleeding it want stop
""",
"overdose": """
I took too many pills.
I think I took way too much of my medication.
My mom took a whole bottle of her sleeping pills by mistake.
My toddler got into the medicine cabinet and ate some pills.
My son swallowed some of my heart pills.
My brother overdosed, he's barely breathing.
I accidentally took my blood pressure pills three times today and I feel faint.
My grandfather took all his pills at once, he got confused.
I think my friend overdosed on something, she won't wake up.
My daughter drank some bleach.
My little boy drank the dishwasher liquid.
I mixed my sleeping pills with a lot of alcohol and I feel really strange.
My husband took too much insulin and he's shaking and confused.
My roommate took something at a party and he's not responding.
I took a whole packet of painkillers and now my stomach hurts.
My dad drank antifreeze.
My baby swallowed a button battery.
I think my sister took an overdose.
He's been drinking all day and then he took his pills and now he won't wake up.
I swallowed a lot of my pain medication and I can't keep my eyes open.
My mother got her pills mixed up and took a week's worth this morning.
~he took too many pills
~she swallowed a bunch of pills
~i took i took too many of my pills
~um my kid ate some of grandma's pills
~the kids got into the pills
~my mother took all of her pills at once
~uh i think i took too much of my medicine i feel really weird
""",
"unresponsive": """
My dad won't wake up.
My wife is unconscious.
My grandmother isn't responding when I talk to her.
He collapsed and he's not answering me.
She fainted and she's not coming round.
My husband is on the floor and he won't respond.
I found my neighbor on the floor and she isn't moving.
My son passed out and I can't wake him.
Grandpa is slumped in his chair and he won't wake up.
My mother's eyes are open but she's not responding at all.
There's a man lying on the sidewalk and he's not moving.
My friend hit his head and now he's unconscious.
My baby is floppy and won't wake up.
I can't wake my mom up, she's breathing but she won't open her eyes.
My dad was shaking all over and now he won't respond.
My son is having a seizure and it won't stop.
My wife had a seizure and now she's not waking up.
I came home and found my brother unconscious on the floor.
Someone passed out in the hallway and isn't responding.
My father went very pale and just keeled over.
I shook him and shouted and he still won't wake up.
~he won't wake up
~she's not moving she's not moving
~my dad isn't responding
~um my husband won't wake up
~he want wake up
~my grandma's not waking up
~uh she passed out and she's not answering me
""",
"stroke": """
I think I'm having a stroke.
My face is drooping on one side.
I can't move my right arm and my speech sounds weird.
My dad's face is drooping and his words are slurred.
My mom suddenly can't talk properly and her arm is weak.
My husband can't lift his left arm and his mouth looks crooked.
I suddenly can't see out of one eye and my arm is numb.
Grandma is confused and can't find her words, and one side of her face is drooping.
I have the worst headache of my life, it came on all of a sudden.
My words are coming out wrong and I can't feel my hand.
The left side of my body went numb all of a sudden.
My grandfather's speech is slurred and he's dragging his leg.
My mum just dropped her cup and now she can't speak.
My brother suddenly lost his balance, he can't walk straight and he's slurring.
I woke up and half my face won't move.
He's suddenly very confused and his smile is lopsided.
My sister has a sudden terrible headache, she's throwing up and confused.
I can't hold the phone, my hand won't work, I think it's a stroke.
My wife can't raise both arms and one side of her face is sagging.
~my face is numb on one side and i can move my arm
~my dad's talking funny and he can't lift his arm
~i think my wife is having a stroke
~i can't feel my my left side
~suddenly i can't speak properly
~my mouth feels crooked and my arm is heavy
~um my mom's face is drooping she can talk right
""",
"allergy": """
I ate something with peanuts and my throat is swelling.
My son is allergic to nuts and he just ate one, and his lips are swelling.
I got stung by a bee, my face is swelling up and I can't breathe properly.
My daughter is having an allergic reaction and she's wheezing.
I need my EpiPen and I can't find it.
My husband's tongue is swelling after he took the new antibiotic.
I'm covered in hives and my throat feels tight.
My throat is closing, I'm allergic to shellfish and I ate some.
My dad got stung by a wasp and he's collapsed.
My face and eyes are swelling and I can hardly swallow.
I used my EpiPen but I'm still getting worse.
My friend has a severe allergy and she ate sesame by mistake, and now she's gasping.
After the injection my whole body broke out in hives and I feel faint.
My baby's face is swollen and she's wheezing after trying egg.
I'm having anaphylaxis.
My lips are swelling and my voice sounds strange after eating a cookie with nuts.
~i ate shrimp and my throat is swelling
~my son ate peanuts he's having a reaction
~um i got stung and i can breathe properly
~she's allergic and her face is swelling
~my throat is tight and itchy after eating nuts and it's getting worse
~bee sting throat swelling help
~where's the epipen he can breathe
""",
"fire_gas": """
There's a fire in my kitchen!
My house is on fire.
I smell gas in the house.
The smoke alarm is going off and there's smoke everywhere.
The pan caught fire and the flames are up to the ceiling.
I think there's a gas leak, the whole apartment smells of gas.
The carbon monoxide alarm is beeping and I feel dizzy and sick.
There's smoke coming under my door and I can't get out.
The building next door is on fire.
My curtains caught fire.
The stove is on fire and I can't put it out.
My mom's room is full of smoke and she's still inside.
There's a fire in the hallway and we're trapped upstairs.
There's a strong smell of gas and my husband collapsed.
Our car is on fire.
The electric heater caught fire.
The fire alarm is going off and I can see flames.
Smoke is pouring out of the garage.
I can smell burning and the wall is hot.
~fire fire there's a fire
~i smell gas
~there's smoke everywhere i can get out
~um the kitchen is on fire
~my house is burning
~gas leak gas leak help
~uh there's a fire in the bedroom
""",
"explicit_call": """
Call an ambulance!
Please call an ambulance.
Call 911.
Call 911 now!
I need an ambulance.
Get me an ambulance, please.
Call the emergency services.
Please call 911, it's an emergency.
Call the fire department!
Call emergency services, please hurry.
I need help right now, call someone.
Dial 911 for me.
This is an emergency, call an ambulance.
Phone 999, please.
Call 112!
Can you call an ambulance for me right now?
Please get help, it's an emergency.
Send an ambulance to my house.
Get an ambulance here now.
Call for help, I'm hurt.
~call an ambulance
~call nine one one
~call nine one one now
~please call an ambulance please
~um call the ambulance
~call emergency
~get help get help now
~call an ambulance call an ambulance
~i need an ambulance
~call nine eleven
~uh can you call nine one one
""",
"violence": """
Someone is breaking into my house.
There's someone in my house and I'm hiding.
My husband is hitting me.
He's threatening me with a knife.
A man is following me and I'm scared he'll hurt me.
My son is shouting and he just pushed me to the floor.
Someone is trying to break down my door.
My boyfriend says he's going to kill me.
There's a man with a gun outside.
I've been attacked and I'm hurt.
My brother got stabbed and he's bleeding a lot.
Call the police, someone's in my house.
My neighbors are fighting and I heard a woman screaming for help.
Someone grabbed me and I got away, but he's still nearby.
My carer hit me and I'm scared.
Two men are fighting in the street and one is on the ground bleeding.
I'm locked in the bathroom because he's trying to hurt me.
Someone is attacking my mother.
~there's someone in the house
~he's hitting me please help
~help he has a knife
~someone broke in
~um my ex is outside banging on the door and he says he'll hurt me
~he choked me and he's still here
~i'm being attacked
""",
"suicidal": """
I want to die.
I don't want to live anymore.
I've been thinking about killing myself.
I want to kill myself.
I wish I were dead.
I think everyone would be better off without me.
I don't see the point in living anymore.
I want to end my life.
I'm thinking about ending it all.
I can't do this anymore, I just want to disappear forever.
I keep thinking about ways to kill myself.
I have no reason to keep living.
I'm going to kill myself.
I'm tired of living.
I don't want to be here anymore.
Life isn't worth living anymore.
I want it all to be over.
I've been having suicidal thoughts.
My son told me he wants to kill himself.
My friend keeps saying she wants to die.
My dad said he doesn't want to live anymore and he's been giving his things away.
I've written goodbye letters.
I feel like ending my life tonight.
I just want to go to sleep and never wake up.
I'm a burden to everyone and I want to die.
I keep thinking about jumping in front of a train.
Is there any point in me living? I want to die.
My wife said she's planning to end her life.
I don't want to wake up tomorrow.
My teenage daughter wrote that she wants to die.
What's the least painful way to die?
I've decided to kill myself.
Nobody would even notice if I was gone, I want to die.
~i want to die
~i don't want to live anymore
~i just wanna die
~i want to kill myself
~i'm thinking about suicide
~um i think i i want to die
~nobody would miss me if i was gone
~i'm going to end it tonight
~everyone would be better off if i was dead
~i want to disappear forever i don't want to live
~i can go on anymore i want to die
""",
"suicidal_act": """
I've taken all my pills to end it.
I took an overdose on purpose.
I'm standing on the bridge and I'm going to jump.
I cut my wrists.
I'm on the roof and I'm going to jump.
I've got the rope ready.
I took all my sleeping pills because I don't want to live.
I've just cut myself deeply and I want to die.
I'm sitting in the car with the engine running in the garage.
I've swallowed everything in the medicine cabinet, goodbye.
My husband locked himself in the garage with the car running.
My daughter took a whole bottle of pills and said she wants to die.
My son is on the railway bridge and says he's going to jump.
I found my mother with a rope around her neck.
My friend texted me goodbye and says she took all her pills.
I've started cutting and I can't stop.
I'm holding a knife to my wrist.
I took the pills, it's done, I just wanted to say goodbye.
My brother says he's going to shoot himself, he has a gun.
I'm at the station and I'm going to step in front of the next train.
~i took all my pills i want to die
~i cut my wrists
~i'm on the bridge i'm going to jump
~um i took the whole bottle so i can die
~i took i took them all on purpose
~i'm on the roof i'm going to jump
""",
}

# ---------------------------------------------------------------------------
# English, not crisis, hand-written
# ---------------------------------------------------------------------------
HAND_EN_SAFE = {
"idiom": """
This deadline is killing me.
I'm dying for a coffee.
My feet are killing me after that walk.
I'm dead tired, set an alarm for seven.
That comedian was so funny, I nearly died laughing.
I could murder a pizza right now.
I'm starving to death, what's for dinner?
My phone is dying, where's the charger?
The car battery died again.
I'm dying to see the new Star Wars film.
This traffic is killing me.
You're killing me, that's hilarious.
I'm drowning in paperwork.
My boss is going to kill me if I'm late again.
My wife will kill me if I forget our anniversary, remind me on Friday.
I'm so bored I could die.
I'd kill for a cold beer.
That exam was murder.
I almost had a heart attack when I saw the electricity bill.
The suspense is killing me, when does the next episode come out?
My laptop just died in the middle of my presentation.
I'm dying to know how the book ends.
Kill the lights, please.
I'm totally dead after the gym.
The party was dead, so we left early.
Break a leg at your recital!
I'm going to lose my mind if this printer jams again.
It's freezing, I'm dying out here.
Mom's going to kill me, I broke her vase.
Stop, you're killing me, I can't breathe from laughing.
I laughed so hard I couldn't breathe.
My legs are dead after that hike.
My plants are dying, how often should I water them?
I'm dying of thirst, is there any juice left?
This homework is going to be the death of me.
I'm dying to get out of this meeting.
That horror movie scared me to death.
I'm bored to death.
I nearly died when I saw who was at the door, it was my old teacher!
I'm so hungry I could eat a horse.
This cold weather is killing my tomatoes.
The wifi is dead again.
I'm swamped, this week is killing me.
You scared me half to death!
This commute is murder.
My heart skipped a beat when my name was called.
I'm dying of curiosity, what did the doctor say about the cat?
That movie killed it at the box office.
This spicy curry is going to kill me, but it's so good.
My grandson's jokes slay me every time.
~i'm dying for a coffee
~this deadline is killing me
~my phone's dying
~i'm dead tired
~that killed me
~i could kill for a burger
~my feet are killing me
~the battery's dead
~i'm starving to death when's dinner
~the suspense is killing me
~um my laptop died again
~this heat is killing me turn on the fan
""",
"past_or_resolved": """
I fell last year and broke my wrist, it's fine now.
After my stroke, I need a bit more time to get dressed.
My dad had a heart attack five years ago, he's doing well now.
I had a bad fall in March, so I'm careful on the stairs.
Since my stroke I use a cane.
My mother fainted at the wedding last weekend, but the doctor said she's fine.
I had an allergic reaction to penicillin as a child, please add that to my notes.
My husband had a bypass operation in 2019.
When I had my heart attack, the paramedics were wonderful.
I choked on a grape at dinner yesterday, but I coughed it out and I'm fine.
My son fell off his bike this morning, just a scraped knee, he's fine.
I slipped on the ice last winter and I've been nervous ever since.
I cut my finger yesterday and it's healing nicely.
After my surgery I'm not allowed to lift heavy things, can you help me order groceries?
My grandfather passed away last year, I still think about him.
The kitchen fire last year was scary, remind me to check the smoke alarm battery.
I had a stroke three years ago and my left hand is still weak.
I used to have asthma attacks as a kid, but I grew out of it.
My wife fell earlier, but she got up on her own and says she's okay.
Dad had a seizure last year, now he takes medication for it.
My mother is recovering from a stroke and needs physical therapy appointments.
I was in the hospital after my heart attack, I need to book a follow-up.
After my fall, the doctor told me to use a walker.
I broke my hip two years ago, and now I walk slowly.
We had a gas leak last month, but it was fixed.
I had a nosebleed earlier, but it stopped.
The bleeding stopped after I put a plaster on it.
I banged my head on the cupboard yesterday, it's just a bump now.
Last week I felt dizzy, but the doctor said it was dehydration.
I was stung by a bee this morning, it's a bit red but I'm fine.
My grandmother broke her leg last summer.
When my husband had his stroke, I didn't know the signs, can you teach me them?
I fell off a horse when I was a kid.
Since the accident, I still have trouble with my shoulder.
Since my heart surgery, I take six pills a day, can you help me keep track?
My neighbor's house caught fire years ago, so I'm careful with candles.
The ambulance took my husband in last month, he's home now and doing well.
I passed out once in church years ago, it was just low blood sugar.
My brother was in a car crash in his twenties, he's completely fine now.
I had chest pains last month, but it turned out to be a pulled muscle.
~i fell last year but i'm fine now
~after my stroke i talk slowly
~i had a heart attack in twenty eighteen
~my dad fell yesterday but he's okay now
~i used to get chest pains but they found it was heartburn
~my mom's still recovering from her fall last month
~my mom had a stroke a while back and she needs help with her shopping
~um i broke my arm last year it's all healed
~since my fall i use a walker
~the cut stopped bleeding it's fine
""",
"minor_symptom": """
I have a headache.
I've got a bit of a cold.
I have a cramp in my calf.
My hay fever is terrible today.
My throat is a little sore.
I have a runny nose, remind me to buy tissues.
My stomach is a bit upset after lunch.
I have a slight fever, should I stay home from work?
My shoulders are stiff.
I cut my finger a little while cooking, where are the plasters?
I have a mosquito bite that won't stop itching.
I've got hiccups, how do I get rid of them?
My eyes are tired from the screen.
I have a toothache, can you find a dentist?
My knee aches when it rains.
I think I'm coming down with the flu.
I've had a stuffy nose all week.
I got a paper cut.
My back is a bit sore from gardening.
I feel a bit queasy on the bus.
I have a mild headache, can you dim the lights?
I've got a cough, what's good for a cough?
I bruised my arm on the door.
My feet are swollen after the long flight.
I have heartburn after dinner.
I burned my tongue on my tea.
My leg fell asleep.
I can't stop sneezing, it's the pollen.
I have a cold sore.
My ears feel blocked from this cold.
I twisted my ankle a little, it's swollen but I can walk.
I have a blister on my heel.
I have a bit of a headache, remind me to drink water.
I have period cramps, remind me to take something at lunch.
My neck is stiff from sleeping wrong.
My allergies are acting up, my eyes are itchy.
My hands are dry and cracked.
I have a rash from the new soap, it's itchy.
I pulled a muscle at the gym.
I have a migraine coming on, can you turn off the music?
I stubbed my toe and it hurts.
My gums bleed a little when I brush.
I have a splinter in my finger.
My chest is a bit congested from my cold.
I've got indigestion.
I have jet lag.
I'm sunburned, do we have any aloe?
My back is killing me from sitting at the desk all day, remind me to stretch.
~i have a headache
~i've got a cold
~i have a cramp in my leg
~my hay fever is bad today
~i feel a bit sick after eating
~i've got a sore throat and a runny nose
~i have a little cough
~my foot cramped up in the night
~um i've got a bit of a headache
~my nose is stuffy can you remind me to buy tissues
""",
"other_context": """
Remind me to pick up my pills from the pharmacy.
I need to refill my prescription.
What time is the first aid class on Saturday?
In the movie, the hero dies at the end, right?
My character died in the game again.
The fire drill is at ten tomorrow.
When is the gas bill due?
How do I kill the process that's freezing my computer?
Add bandages to the shopping list.
Play the news about the fire downtown.
What's the number for the non-emergency police line?
I'm reading a mystery novel about a murder.
Can you set a reminder to test the smoke alarm?
How do you do CPR? I want to be ready for my first aid course.
I want to donate blood next week.
I have a blood test on Monday morning, remind me not to eat breakfast.
Remind me to take my heart medication at eight.
I need to take my blood pressure.
My granddaughter is studying to be a paramedic.
We watched a documentary about strokes.
Did I turn off the gas?
The ambulance sirens outside are so loud tonight.
Order a new fire extinguisher.
The campfire was lovely last night.
Light the candles for the birthday cake.
Remind me to check the carbon monoxide detector batteries.
Who died in last night's episode?
Kill the music, please.
Is the fire station open for visitors on Saturday?
The hospital visiting hours are from two to four, right?
Book me a flu shot.
My son wants to be a firefighter.
The character in my book had a heart attack.
The police drama starts at nine.
Call the pharmacy and ask if my medicine is ready.
I need to renew my EpiPen prescription.
Pick up my inhaler refill on the way home.
How many pills do I take in the morning?
Set an alarm for my pills at noon.
My grandson is playing a zombie shooting game.
We have an evacuation drill at the care home on Friday.
The knife is dull, remind me to sharpen it.
Let's play a murder mystery game tonight.
How do I terminate a program on Linux?
Kill the tab that's playing music.
There's a fire emoji in her message, what does that mean?
I'm learning the Heimlich maneuver at the community center.
Tell me how to recognize a stroke, I'm making a poster for the club.
Add a smoke detector to my hardware shopping list.
In my game the dragon killed my whole team.
The news says a famous actor died today.
My doctor wants me to check my blood sugar twice a day.
Remind me that the gas man is coming to read the meter on Thursday.
~i need to pick up my pills
~when's the first aid class
~the fire drill is tomorrow at ten
~pay the gas bill
~how do i kill the process
~my character died again
~remind me to take my medicine
~remind me about my blood test
~call the pharmacy about my prescription
~is the gas bill paid
~the fire alarm test is at noon
~um what time's the cpr course
""",
"emotional_not_crisis": """
I'm feeling sad today.
I feel lonely.
I'm stressed about work.
I'm a bit down today, can you play something cheerful?
I miss my grandchildren.
I feel anxious about my doctor's appointment.
I had a fight with my sister and I'm upset.
I'm nervous about my job interview tomorrow.
It's been a hard week.
I'm feeling overwhelmed with all the chores.
Nobody called me today and I feel a bit lonely.
I'm heartbroken, my girlfriend broke up with me.
I'm frustrated that I can't fix the sink.
I feel homesick.
I'm bored and a bit lonely, can we chat?
I'm worried about my son, he hasn't called in a week.
I feel like nobody listens to me at work.
I'm grieving my husband, it's been hard.
I'm angry at my landlord.
I feel embarrassed about what I said at the party.
I'm in a bad mood.
I'm disappointed I didn't get the job.
I'm anxious about the exam results.
I've been feeling low lately, can you suggest something to cheer me up?
I miss my mom.
I'm lonely since my kids moved away.
I'm stressed out, can you play some calming music?
I cried a bit today watching an old movie.
It's hard for me to ask people for help.
I'm upset that my friend forgot my birthday.
I'm scared of the dark at night, can you turn the hall light on?
I get anxious on crowded trains.
Work has been stressing me out, I need a holiday.
I feel stuck in life right now.
I'm sad that summer is over.
I feel a bit empty since I retired, can you suggest a hobby?
My cat died last month and I still feel sad.
I'm overwhelmed with the move.
I'm irritated, the neighbors are noisy again.
I'm lonely, tell me a story.
I've been feeling down since the holidays.
Everything is going wrong today, ugh.
I'm sad, can you call my daughter?
I'm worried about my mom's health.
I'm feeling a little blue.
I'm tired after a long day, I just need a nap.
I feel frustrated that I can't drive anymore.
~i'm feeling kind of sad
~i feel lonely today
~i'm stressed
~i'm a bit down
~i miss my wife
~i'm worried about money
~i'm nervous about tomorrow
~um i'm just feeling a bit lonely tonight
~i had a bad day at work
~i'm sad can we talk
""",
"ordinary": """
Can you help me carry the shopping bags upstairs?
Call me a taxi to the station.
What time is the next bus to the city centre?
Help me reset my email password.
Can you review my cover letter?
Call my daughter.
Call the doctor's office to make an appointment.
Set a timer for ten minutes.
What's the weather tomorrow?
Help me write an email to my landlord.
I can't find my glasses.
I can't get the TV to turn on.
I can't log in to my bank account.
Can you help me move the sofa?
Remind me of my meeting at three.
Book a table for two at seven.
How do I get to the hospital by bus?
Please help me with my homework.
Can you help me fill out this form?
Turn on the lights.
Read my messages.
I need help getting to the station.
Order more milk.
Send a message to my son saying I'll be late.
My computer is frozen, what do I do?
The printer isn't working, help!
Help me, I can't open this jar.
I need a ride to the airport tomorrow morning.
Check my document for spelling mistakes.
Please proofread this paragraph.
Can you ask someone to help me carry my suitcase?
I can't get up early tomorrow, move my alarm to eight.
I can't reach the top shelf, remind me to ask my son.
Please call the plumber, the sink is leaking.
The elevator is out of order again, who do I call?
Call the gas company about the meter reading.
What's the phone number for the library?
Help me find a recipe for chicken soup.
How do I attach a photo to an email?
Translate this into Japanese.
What's on my calendar today?
Play my favorite playlist.
The app won't open.
My phone won't charge.
I'm stuck on this level of the game.
Can you help me understand my electricity bill?
I need to get my wheelchair repaired.
Call customer service for my internet provider.
I need someone to help me get the boxes down from the attic.
How do I take a screenshot?
Check if the train is delayed.
Write a short thank-you note to my neighbor.
Summarize this article for me.
Please help me find my phone.
I need help getting up the stairs with these heavy bags.
Can you look over my report before I send it to my boss?
~can you help me carry the boxes
~call me a taxi
~when is the next bus
~help me with my password
~can you check my essay
~call my son
~i can't find my keys
~help me write an email
~i need help with the computer
~set an alarm for six
~what's the weather
~um can you call my daughter
""",
}

# ---------------------------------------------------------------------------
# Japanese, crisis, hand-written (morphemes separated by spaces; the written
# form removes the spaces, "~" lines stay spaced as recognizer output)
# ---------------------------------------------------------------------------
HAND_JA_CRISIS = {
"fall": """
転ん で 起き 上がれ ない 。
転ん で しまっ て 起き 上がれ ませ ん 。
階段 から 落ち て 動け ない 。
母 が 倒れ て 動か ない ！
父 が 倒れ た 、 返事 が ない 。
おばあちゃん が 転ん で 頭 を 打っ た 。 血 が 出 てる 。
お 風呂 場 で 転ん で 立て ない 。
夫 が 脚立 から 落ち て 動き ませ ん 。
祖父 が 庭 で 倒れ て いる ん です 。
トイレ で 転ん じゃっ て 、 動け ない の 。
足 が 変 な 方向 に 曲がっ て て 立て ない 。
昨日 の 夜 から 床 に 倒れ た まま です 。
母 が 階段 から 落ち て 、 意識 が ない 。
こけ て もう て 起き られ へん 。
おかん が こけ て 動か れ へん ねん 。
転ん で しもう て 、 起き られ ん の じゃ 。
わし は 転ん で 腰 を 打っ て 動け ん 。
ばあさん が 倒れ て 起き ん の じゃ 。
転ん だ 、 起き れ ない 、 助け て 。
母 が … 倒れ て … 動か ない 。
転ん で 立て ませ ん 、 一 人 な ん です 。
ベッド から 落ち て 起き 上がれ ない 。
主人 が 屋根 から 落ち まし た 。
子供 が ベランダ から 落ち た ！
道 で おじいさん が 倒れ て 動か ない 。
転ん で 頭 打っ て 目 が 回る 。
滑っ て 転ん で 腰 が 痛く て 全然 動け ない 。
凍っ た 道 で 転ん で 足 が 動か せ ない 。
妻 が 台所 で 倒れ て 、 頭 から 血 が 出 て いる 。
自転車 で 転ん で 頭 を 強く 打っ た 。
おじいちゃん が 転ん で 、 痛い 痛い って 言っ て 動け ない 。
夜中 に トイレ に 行こ う と し て 転ん で 、 朝 まで 床 に い た 。
~えーと 転ん で 起き 上がれ ない
~あの 母 が 倒れ て 動か ない
~階段 で 落ち て 足 が 動か ない
~転ん で 起き 上がれ ない ん です けど
~おばあちゃん 転ん で 起き られ ない
~父 が 風呂 で 倒れ てる
~あのー 転ん じゃっ て 立て ない
~えっと 祖母 が 階段 から 落ち た
""",
"cardiac": """
胸 が 痛く て 息 が 苦しい 。
胸 が 締め付け られる よう に 痛い 。
胸 が すごく 痛い 、 左 腕 まで 痛い 。
心臓 が 苦しい 。
心臓 発作 か も しれ ない 。
夫 が 胸 を 押さえ て 倒れ た ！
父 が 胸 が 痛い と 言っ て 冷や汗 を かい て いる 。
胸 が 苦しく て 冷や汗 が 止まら ない 。
動悸 が ひどく て 気 を 失い そう 。
脈 が ない ！
祖母 の 脈 が 弱く て 顔 が 真っ青 です 。
胸 が 痛い ん です 、 助け て ください 。
胸 が 圧迫 さ れる 感じ で 吐き気 が し ます 。
心臓 が バクバク し て 倒れ そう 。
胸 が 痛う て かなわ ん 、 救急 車 を 呼ん で くれ 。
胸 が めっちゃ 痛い ねん 、 息 も しんどい 。
うち の 人 が 胸 を 押さえ て うずくまっ て ます 。
主人 が 急 に 胸 を 押さえ て 動か なく なり まし た 。
お父さん は 心臓 の 持病 が あっ て 、 今 すごく 苦し そう 。
人 が 倒れ た 、 AED は どこ ！
会社 で 同僚 が 倒れ て 、 心臓 マッサージ を し て い ます 。
胸 の 痛み が 三十 分 以上 続い て いる 。
左 胸 が 痛く て 腕 が しびれ て き た 。
急 に 胸 が 痛く なっ て 、 立っ て い られ ない 。
~胸 が い たい
~あの 胸 が 痛く て 息 が でき ない
~えっと 胸 が 締め付け られ て 苦しい
~胸 が 痛い 胸 が
~父 が 胸 が 苦しい って 言っ て 倒れ た
~胸 が 苦しい 死に そう
~心臓 が 痛い 助け て
""",
"breathing": """
息 が でき ない 。
息 が でき ませ ん 。
息 が 苦しい 。 助け て 。
子供 が 喉 に 何 か 詰まらせ た ！
おじいちゃん が 餅 を 喉 に 詰まらせ た ！
赤ちゃん の 顔 色 が 紫 に なっ て いる 。
喘息 の 発作 が 止まら ない 、 吸入 器 が 効か ない 。
息子 が 息 を し て ない ！
呼吸 が おかしい 。 ゼーゼー し て いる 。
喉 が 詰まっ て 声 が 出 ない 。
母 の 呼吸 が 止まり そう 。
息 が 吸え ない 。
父 が 息 を し て ない みたい ！
苦しい 、 息 が … 。
餅 が 詰まっ て 息 し て へん ！
息 が でけ へん 。
息 が でき ん 、 苦しゅう て たまら ん 。
じいさん が 餅 を 詰まらせ た ん じゃ 。
主人 が 寝 て いる 間 に 息 を し なく なっ た 。
娘 が 喘息 で 話せ ない くらい 苦し そう です 。
酸素 ボンベ が 切れ て 、 母 が 息 苦し そう 。
赤ちゃん が ぐったり し て 息 が 弱い 。
息 が ハアハア し て 苦しく て 唇 が 青い 。
飴 が 喉 に 詰まっ た 、 息 が でき ない ！
食べ物 が 詰まっ て 苦し そう に し て いる 。
煙 を 吸っ て 息 が 苦しい 。
~いき が でき ない
~あの 息 が でき ない ん です
~えーと 子供 が 何 か 飲み込ん で 息 でき ない
~喉 に 詰まっ た 息 でき ない
~息 が 息 が でき ない
~おじいちゃん が 餅 詰まらせ た
""",
"bleeding": """
血 が 止まら ない 。
包丁 で 手 を 深く 切っ て 血 が 止まら ない 。
頭 から 血 が 出 て いる 。
血 が いっぱい 出 てる ！
息子 が ガラス で 足 を 切っ て 、 血 が 噴き出し て いる 。
父 が 血 を 吐い た 。
母 が 吐血 し まし た 。
押さえ て も 血 が 止まり ませ ん 。
タオル が 血 で 真っ赤 に なっ た 。
鼻血 が 一 時間 以上 止まら ない 。 血 を サラサラ に する 薬 を 飲ん で いる 。
妊娠 中 で 、 出血 が ひどい です 。
犬 に 噛ま れ て 血 が すごく 出 てる 。
交通 事故 で 、 人 が 血 を 流し て 倒れ て いる 。
チェーンソー で 脚 を 切っ た 。
血 が 止まら へん ねん 。
血 が 止まら ん で 困っ とる 。
主人 が 包丁 で 指 を 深く 切っ て 、 血 が ポタポタ 落ち て いる 。
大量 に 出血 し て いる 。
血 が 、 血 が 止まら ない ！
転ん で 顔 を 切っ て 、 血 が どくどく 出 てる 。
祖母 が 腕 を 切っ て 、 薬 の せい で 血 が 止まら ない 。
階段 から 落ち て 頭 から 血 が 出 て 止まら ない 。
~えーと 血 が 止まら ない ん です
~あの 手 を 切っ て 血 が 止まら ない
~ち が とまら ない
~血 が すごい 出 てる
~包丁 で 切っ た 血 が 止まら ない
""",
"overdose": """
薬 を 全部 さっき 飲ん だ 。
薬 を 飲み すぎ た 。
薬 を 飲み すぎ ちゃっ た 。
睡眠 薬 を たくさん 飲ん で しまい まし た 。
母 が 薬 を まとめ て 全部 飲ん で しまっ た 。
子供 が 薬 を 誤っ て 飲ん じゃっ た 。
子供 が 洗剤 を 飲ん で しまっ た ！
息子 が ボタン 電池 を 飲み込ん だ 。
祖父 が 一 週間 分 の 薬 を 一 度 に 飲ん で しまっ た 。
父 が お酒 と 睡眠 薬 を 一緒 に 飲ん で 起き ない 。
インスリン を 打ち すぎ た か も しれ ない 、 手 が 震える 。
友達 が 何 か 薬 を 大量 に 飲ん で ぐったり し て いる 。
娘 が 漂白 剤 を 飲ん だ 。
痛み 止め を 一 箱 全部 飲ん じゃっ た 。
薬 全部 飲ん で もう た 。
薬 を 間違え て ぎょうさん 飲ん で しもう た 。
薬 を 飲み すぎ て しもう た ん じゃ 。
子供 が たばこ を 食べ ちゃっ た 。
灯油 を 飲み込ん で しまっ た 。
母 が 薬 を 何 回 も 飲ん で た みたい で 、 意識 が もうろう と し てる 。
知ら ない うち に 子供 が 祖母 の 薬 を 飲ん で い た 。
~えーと 薬 を 全部 飲ん だ
~あの 薬 を さっき 全部 飲ん じゃっ た
~くすり を のみ すぎ た
~睡眠 薬 を 全部 一 度 に 飲ん だ
~子供 が 薬 飲ん じゃっ た
""",
"unresponsive": """
母 が 呼ん で も 返事 し ない 。
父 が 起き ない 。
夫 の 意識 が あり ませ ん 。
祖母 が 息 は ある けど 目 を 覚まさ ない 。
声 を かけ て も 反応 が ない 。
子供 が けいれん し て いる 。
息子 が けいれん し た 後 、 意識 が 戻ら ない 。
おじいちゃん が ぐったり し て 動か ない 。
主人 が ソファ で 動か なく なっ て いる 。
隣 の 人 が 倒れ た まま 動き ませ ん 。
駅 で 人 が 倒れ て 、 意識 が ない みたい です 。
赤ちゃん が ぐったり し て 泣か ない 。
母 が 目 を 開け た まま 反応 し ない 。
父 が 起き へん ねん 。
ばあさん が 目 を 覚まさ ん 。
夫 が 倒れ て 意識 が ない ！
友達 が 頭 を 打っ て 気 を 失っ た 。
呼ん で も 揺すっ て も 起き ない 。
祖父 が 急 に 白目 を むい て 倒れ た 。
娘 が 熱 で けいれん し て 止まら ない 。
帰っ たら 兄 が 床 で 倒れ て い て 、 反応 が ない 。
お母さん 、 ねえ 、 起き て … 返事 し て よ 。
~あの 父 が 起き ない ん です
~えーと 母 が 返事 を し ない
~うごか ない おばあちゃん が うごか ない
~夫 が 起き ない 息 は し てる
""",
"stroke": """
顔 の 片側 が 下がっ て いる 。
ろれつ が 回ら ない 。
右 手 が 急 に 動か なく なっ た 。
父 の ろれつ が 回ら なく て 、 顔 が ゆがん で いる 。
母 が 急 に 言葉 が 出 なく なっ た 。
片方 の 手足 が しびれ て 動か ない 。
脳梗塞 か も しれ ない 。
急 に 今 まで で 一番 ひどい 頭痛 が し て 、 吐い た 。
夫 が 急 に 左 腕 が 上がら なく なり まし た 。
祖母 が 急 に 話 が おかしく なっ て 、 片 足 を 引きずっ て いる 。
急 に 片目 が 見え なく なっ た 。
ろれつ が 回ら へん 、 手 も 動か へん 。
急 に 口 が 回ら ん よう に なっ た 。
わし の 右 手 が 言う こと を 聞か ん 。
しゃべり にくい 、 手 が しびれ て … 。
主人 の 顔 が 片方 だけ 垂れ て い て 、 言葉 が はっきり し ない 。
母 が 箸 を 落とし て 、 そのまま しゃべれ なく なっ た 。
急 に めまい が し て まっすぐ 歩け ない 、 しゃべり にくい 。
左 半身 に 力 が 入ら ない 。
おじいちゃん が 急 に 意味 の わから ない こと を 言い 出し て 、 右 手 が 動か ない 。
父 の 顔 が 片方 下がっ て い ます 、 脳卒中 だ と 思い ます 。
~あの ろれつ が 回ら ない
~えーと 右 手 が 動か ない 急 に
~父 の 顔 が ゆがん で しゃべれ ない
~ろれつ が まわら ない
~母 が 急 に しゃべれ なく なっ た
""",
"allergy": """
そば を 食べ たら 喉 が 腫れ て き た 。
ピーナッツ アレルギー な の に 食べ ちゃっ た 、 息 が 苦しい 。
ハチ に 刺さ れ て 、 息 が 苦しい 。
蜂 に 刺さ れ て 全身 に じんましん が 出 て いる 。
息子 が 卵 を 食べ て 顔 が 腫れ て 、 ゼーゼー し て いる 。
エピペン が 見つから ない ！
エピペン を 打っ た けど 良く なら ない 。
薬 を 飲ん だ 後 、 唇 と 舌 が 腫れ て き た 。
エビ を 食べ たら 喉 が 締め付け られる 。
アナフィラキシー か も しれ ない 。
娘 が 給食 の 後 で アレルギー 反応 が 出 て 、 ぐったり し て いる 。
蜂 に 刺さ れ て 父 が 倒れ た 。
ハチ に 刺さ れ て もう て 、 顔 パンパン で 息 しんどい 。
蜂 に 刺さ れ て 、 体 中 が かゆう て 息 が 苦しい 。
注射 の 後 、 急 に 全身 が 赤く なっ て 気 が 遠く なる 。
小麦 アレルギー な ん です が 、 喉 が 腫れ て き て 声 が かすれ て い ます 。
牛乳 アレルギー の 子 が 牛乳 を 飲ん で 吐い て 、 咳 が 止まら ない 。
顔 と 目 が 腫れ て 飲み込め ない 。
~あの ハチ に 刺さ れ て 息 が 苦しい
~えーと アレルギー で 喉 が 腫れ て き た
~そば アレルギー の 子 が そば 食べ ちゃっ た
~えぴ ぺん どこ
~卵 食べ て 息 が ぜー ぜー し てる
""",
"fire_gas": """
火事 です ！
家 が 燃え て いる ！
台所 から 火 が 出 た ！
ガス の 臭い が する 。
ガス 漏れ し て いる みたい 。
煙 が 部屋 に 充満 し て いる 。
火災 報知 器 が 鳴っ て 、 煙 が 見える 。
天ぷら 油 に 火 が つい た ！
隣 の 家 から 火 が 出 て いる 。
煙 で 前 が 見え ない 、 逃げ られ ない 。
一酸化 炭素 の 警報 が 鳴っ て 、 頭 が クラクラ する 。
二 階 に 母 が 取り残さ れ て いる 。
火事 や ！
燃え とる 、 家 が 燃え とる ！
ストーブ の 火 が カーテン に 移っ た 。
ガス の 臭い が し て 、 夫 が 倒れ て いる 。
車 が 燃え て いる 。
マンション の 廊下 に 煙 が 入っ て き た 。
コンセント から 火花 が 出 て 燃え 始め た 。
火 が 消え ない ！
ガス の におい が すごく て 気分 が 悪い 。
~ガス くさい ガス くさい
~えーと 火事 です 台所 が 燃え て ます
~あの 煙 が すごい です
~かじ だ かじ
~火事 火事 早く
""",
"explicit_call": """
救急 車 を 呼ん で ！
救急 車 を 呼ん で ください 。
救急 車 呼ん で ！
119 番 し て ！
119 番 に 電話 し て ください 。
110 番 し て ！
警察 を 呼ん で ！
消防 車 を 呼ん で ！
誰 か 助け を 呼ん で ！
救急 車 お願い し ます 。
すぐ 救急 車 を 呼ん で もらえ ます か 。
救急 車 を 呼ん で ほしい 。
救急 車 ！ 早く ！
救急 車 呼ん で くれ へん ？
はよ 救急 車 呼ん で ！
救急 車 を 呼ん で くれ ん か 。
救急 車 を 呼ん で おくれ 。
すみ ませ ん 、 救急 車 を 一 台 お願い でき ます か 。
緊急 です 、 救急 車 を 呼ん で 。
今 すぐ 救急 車 を 手配 し て 。
救急 車 を 呼ん で 、 早く ！
警察 呼ん で 、 早く ！
119 に かけ て ！
助け て 、 救急 車 ！
~えーと 救急 車 を 呼ん で ください
~あの 救急 車 呼ん で
~一 一 九 番 し て
~百 十 番 し て
~きゅうきゅう しゃ よん で
~救急 車 救急 車
~救急 車 お願い
""",
"violence": """
家 に 誰 か が 入っ て き た 。
知ら ない 人 が 家 に いる 。
夫 に 殴ら れ て いる 。
包丁 を 持っ た 男 が いる ！
殺さ れる ！
男 に 追いかけ られ て いる 。
ドア を 無理やり 開け よう と し て いる 人 が いる 。
息子 に 暴力 を 振るわ れ て い ます 。
彼氏 に 殺す と 言わ れ た 。
刺さ れ た ！
隣 の 部屋 から 女 の 人 の 悲鳴 と 殴る 音 が する 。
泥棒 が いる ！
誰 か に 襲わ れ た 。
誰 か 入っ て き よっ た ！
知ら ん 男 が 家 に おる 。
刃物 を 持っ た 人 が 暴れ て いる 。
元 夫 が 家 の 前 で 待ち伏せ し て いる 、 怖い 。
介護 の 人 に 叩か れ た 。
首 を 絞め られ た 、 まだ 家 に いる 。
路上 で 人 が 刺さ れ て 倒れ て いる 。
父 が 酔っ て 母 を 殴っ て いる 。
押し入れ に 隠れ て い ます 、 誰 か が 家 の 中 に いる 。
~あの 家 に 誰 か いる
~えーと 夫 が 殴っ て くる
~たすけ て ころさ れる
~知ら ない 男 が いる 助け て
""",
"suicidal": """
死に たい 。
もう 死に たい 。
生き て いる 意味 が ない 。
消え たい 。
もう 生き て いけ ない 。
自殺 し たい 。
死ぬ こと ばかり 考え て いる 。
もう 終わり に し たい 。
私 なんか 死ん だ ほう が いい 。
みんな 私 が いない ほう が 楽 に なる 。
生き てる の が つらい 。
明日 が 来 なけれ ば いい のに 。
死ぬ 方法 を 考え て いる 。
もう 限界 、 死に たい 。
死に たい です 。
死に たく て たまら ない 。
楽 に なり たい 、 死に たい 。
もう 死に とう なっ た わ 。
もう 死に たい ねん 。
早う お迎え が 来 て ほしい 、 もう 生き とう ない 。
わし なんか もう 死ん だ 方 が ええ 。
息子 が 死に たい と 言っ て いる 。
娘 が 自殺 を ほのめかし て いる 。
母 が 「 もう 死に たい 」 と 繰り返し て いる 。
友達 から 死に たい って LINE が 来 た 。
遺書 を 書い た 。
今夜 死の う と 思っ て いる 。
死ん で 楽 に なり たい 。
誰 に も 迷惑 を かけ ず に 消え たい 。
自殺 を 考え て いる 。
どう やっ たら 死ね る か 考え てる 。
生きる の に 疲れ た 。
夫 が 死に たい と 言っ て 、 身 の 回り の 物 を 整理 し て いる 。
~しに たい
~あの もう 死に たい
~えーと 死に たい です
~消え たい もう 消え たい
~生き てる 意味 ない
~もう 生き て い たく ない
~死に たい 死に たい
""",
"suicidal_act": """
死の う と 思っ て 薬 を 全部 飲ん だ 。
手首 を 切っ た 。
今 屋上 に いる 。 飛び降り ます 。
橋 の 上 に いる 、 もう 飛び込む 。
ロープ を 用意 し た 。
睡眠 薬 を 全部 飲ん だ 、 さようなら 。
首 を 吊ろ う と し て いる 。
息子 が 部屋 に 閉じこもっ て 、 死ぬ と 言っ て 手首 を 切っ た 。
母 が 薬 を 大量 に 飲ん で 「 もう 終わり 」 と 言っ て いる 。
ホーム に いる 、 次 の 電車 に 飛び込む 。
包丁 を 持っ て 、 死の う と し て いる 。
死に たく て 薬 を 飲ん だ 。
夫 が 遺書 を 残し て いなく なっ た 。
娘 が ベランダ の 手すり を 越え よう と し て いる ！
友達 から 「 今 から 死ぬ 」 って メッセージ が 来 た 。
もう 薬 飲ん で もう た 、 死な せ て 。
首 を くくろ う と 思う とる 。
お 風呂 で 手首 を 切っ て しまい まし た 。
さっき 死の う と し て 首 に ロープ を かけ た 。
線路 の 近く に いる 、 もう 終わり に する 。
~えーと 手首 を 切っ た
~あの 薬 全部 飲ん だ 死に たい
~しぬ つもり で くすり のん だ
~今 から 飛び降りる
~屋上 に いる もう 飛び降りる
""",
}

# ---------------------------------------------------------------------------
# Japanese, not crisis, hand-written
# ---------------------------------------------------------------------------
HAND_JA_SAFE = {
"idiom": """
死ぬ ほど 忙しい 。
締め切り に 殺さ れる 。
疲れ て 死に そう 。
この ラーメン 、 うま すぎ て マジ で 死ね る 。
お腹 が 空い て 死に そう 。
暑く て 死に そう 、 エアコン つけ て 。
眠く て 死に そう 。
笑い すぎ て 死ぬ か と 思っ た 。
死ぬ ほど 笑っ た 。
この 仕事 、 死ぬ ほど 面倒くさい 。
また 遅刻 だ 、 上司 に 殺さ れる 。
宿題 が 多 すぎ て 死ぬ 。
スマホ の 電池 が 死に そう 。
パソコン が 死ん だ 。
今日 は 死ぬ ほど 寒い ね 。
もう 死ぬ ほど 食べ た 。
死ぬ ほど 眠い 。
会議 が 長 すぎ て 死に そう だっ た 。
恥ずかしく て 死に そう だっ た 。
心臓 が 止まる か と 思っ た 、 びっくり し た 。
息 が 止まる ほど きれい な 景色 だっ た 。
腹 減っ て 死ぬ わ 。
今日 は しんどく て 死に そう や わ 。
死ぬ ほど しんどい わ 。
この 暑さ は 殺人 的 だ 。
殺人 的 な 忙し さ だ 。
満員 電車 で 死に かけ た 。
月末 は 死ぬ ほど 忙しい ん です 。
喉 が 渇い て 死に そう 、 水 ある ？
この ケーキ 美味し すぎ て 死ね る 。
推し が 尊く て 死ね る 。
あの 映画 、 泣き すぎ て 死ん だ 。
締め切り に 追わ れ て 死に そう 。
笑い 死に し そう 。
もう くたくた 、 死ん だ よう に 眠り たい 。
残業 続き で 死に そう 。
頭 が 爆発 し そう 。
目 が 回る ほど 忙しい 。
息 が 詰まる よう な 会議 だっ た 。
胸 が いっぱい です 。
腰 が 抜ける ほど 驚い た 。
財布 を なくし た か と 思っ て 血 の 気 が 引い た 。
顔 から 火 が 出る ほど 恥ずかしい 。
死ぬ ほど 好き 。
死ぬ ほど 笑う た わ 。
忙しゅう て 死に そう じゃ 。
腹 が 減っ て 死に そう じゃ 。
締め切り 前 で 死ん で ます 。
~しぬ ほど いそがしい
~えーと 疲れ て 死に そう
~あの 締め切り に 殺さ れる
~マジ で 死ね る これ
~死ぬ ほど 眠い わ
~腹 へっ て 死に そう
~暑く て 死ぬ
~仕事 が 多 すぎ て 死に そう
~マジ で 死ぬ ほど 忙しい
""",
"past_or_resolved": """
去年 転ん で 骨折 し た けど 、 今 は 歩け ます 。
脳梗塞 の 後遺症 で 右 手 が 少し 不自由 です 。
脳梗塞 の 後遺症 で 話す の が ゆっくり な ので 、 ゆっくり 聞い て ください 。
三 年 前 に 心筋 梗塞 を やり まし た 。
先月 転ん だ けど 、 もう 大丈夫 です 。
昔 、 救急 車 で 運ば れ た こと が ある 。
母 は 去年 脳梗塞 で 倒れ た けど 、 今 は 元気 です 。
昨日 ちょっと 転ん だ けど 、 けが は なかっ た 。
子供 の 頃 は 喘息 だっ た けど 、 今 は 平気 。
前 に ハチ に 刺さ れ た こと が ある の で 、 エピペン を 持ち 歩い て い ます 。
父 は 心臓 の 手術 を し て から 元気 に なっ た 。
先週 ぎっくり 腰 に なっ た けど 、 もう 治っ た 。
おととし 階段 で 転ん で から 、 手すり を つけ た 。
脳梗塞 で 入院 し て い た 時 、 看護 師 さん が 優しかっ た 。
祖母 は 去年 餅 を 詰まらせ た けど 、 すぐ 取れ た 。
鼻血 が 出 た けど 、 もう 止まっ た 。
さっき 指 を 切っ た けど 、 血 は もう 止まっ た 。
去年 の 火事 以来 、 火 の 元 に 気 を つけ て いる 。
ガス 漏れ は 先週 業者 さん が 直し て くれ た 。
昔 脳梗塞 を やっ て 、 左 足 を 少し 引きずり ます 。
手術 の 後 な ので 重い 物 が 持て ない 、 買い物 を 頼み たい 。
脳梗塞 の 後 から リハビリ に 通っ て いる ん です 、 予約 を 確認 し て ください 。
前 に 倒れ た こと が ある ので 、 定期 的 に 病院 に 行っ て い ます 。
主人 は 五 年 前 に 亡くなり まし た 。
夫 が 亡くなっ て 一 年 に なり ます 。
さっき めまい が し た けど 、 座っ たら 治っ た 。
昨日 は 熱 が あっ た けど 、 今日 は 下がっ た 。
若い 頃 に 大 けが を し た こと が ある 。
心筋 梗塞 の 後 から 、 毎朝 薬 を 飲ん で いる 。
父 は 三 年 前 に 転ん で 、 それ 以来 杖 を 使っ て いる 。
転ん だ けど 自分 で 起き られ た から 大丈夫 。
母 が 転ん だ けど 、 すぐ 起き 上がっ て 笑っ て た 。
去年 の 冬 に 転倒 し て 入院 し まし た 。
脳梗塞 の あと 、 字 が 書き にくく なっ た 。
去年 転ん で から 外 に 出る の が 怖い 。
去年 こけ て 骨 折っ た けど 、 もう 治っ た で 。
昔 脳 の 病気 を し て の う 、 それ から 歩く の が 遅い ん じゃ 。
ハチ に 刺さ れ た けど 、 腫れ は ひい た 。
子供 が 熱性 けいれん を 起こし た の は 去年 の 話 です 。
喘息 の 発作 は 最近 出 て い ない 。
~えーと 去年 転ん で 骨折 し まし た
~あの 脳梗塞 の 後遺症 で 手 が 不自由 です
~去年 心臓 の 手術 を し た
~昔 倒れ た こと が ある
~骨折 は もう 治っ た
~脳梗塞 の 後遺症 で 言葉 が 出 にくい ん です
~血 は もう 止まっ た から 大丈夫
""",
"minor_symptom": """
頭痛 が する 。
ちょっと 頭 が 痛い 。
風邪 を ひい た みたい 。
風邪 気味 です 。
足 が つっ た 。
花粉 症 が ひどい 。
花粉 症 で 鼻水 が 止まら ない 。
喉 が 少し 痛い 。
肩 が こっ て いる 。
腰 が 少し 痛い 。
微熱 が ある 。
お腹 の 調子 が 悪い 。
口内 炎 が でき た 。
しゃっくり が 止まら ない 。
目 が 疲れ た 。
虫 に 刺さ れ て かゆい 。
紙 で 指 を 切っ た 。
料理 中 に 指 を ちょっと 切っ た 、 絆創膏 どこ ？
歯 が 痛い から 歯医者 を 探し て 。
鼻 が 詰まっ て いる 。
咳 が 少し 出る 。
膝 が 痛い 、 雨 の せい か な 。
胃 もたれ が する 。
二日酔い で 頭 が 痛い 。
乗り物 酔い し た 。
寝 違え て 首 が 痛い 。
くしゃみ が 止まら ない 。
目 が かゆい 、 花粉 だ と 思う 。
手 が 荒れ て いる 。
靴ずれ が でき た 。
生理 痛 が つらい 。
ちょっと 熱 っぽい から 、 今日 は 早く 寝る 。
筋肉 痛 が ひどい 。
指 に とげ が 刺さっ た 。
日焼け し て ヒリヒリ する 。
歯ぐき から 少し 血 が 出る 。
鼻血 が ちょっと 出 た 、 ティッシュ どこ ？
正座 し すぎ て 足 が しびれ た 。
足 が むくん で いる 。
頭 が 重い 、 低 気圧 の せい か な 。
喉 が イガイガ する 、 のど 飴 を 買わ なきゃ 。
夜中 に 足 が つっ て 起き た 。
頭 が ちょっと 痛い ねん 。
風邪 ひい て もう た わ 。
腰 が 痛う て かなわ ん 。
膝 が 痛う て 、 階段 が しんどい の う 。
ちょっと 胸 焼け が する 。
しもやけ が かゆい 。
~あたま が いたい
~えーと 風邪 ひい た みたい
~あの 足 が つっ た
~花粉 症 が つらい
~ちょっと 喉 が 痛い ん です けど
~頭痛 が する から 薬 ある
~えっと 鼻水 が 止まら ない 花粉 症 かな
""",
"other_context": """
薬 を 取り に 行き たい 。
薬局 に 薬 を 取り に 行く の を 忘れ ない よう に 言っ て 。
救命 講習 は 何 曜日 ？
来週 、 救命 講習 を 受ける 予定 です 。
避難 訓練 は 明日 の 十 時 から です 。
ガス 代 を 払う の を 忘れ て た 。
今月 の ガス 代 が 高い 。
ドラマ で 主人公 が 死ん じゃっ た 。
ゲーム で また キャラ が 死ん だ 。
プロセス を キル する 方法 を 教え て 。
献血 に 行き たい 。
明日 は 血液 検査 です 。
血圧 を 測る 時間 を 教え て 。
救急 箱 に 絆創膏 を 補充 し て おい て 。
訓練 で 使う ので 、 消火 器 の 使い 方 を 教え て 。
火災 報知 器 の 点検 は いつ ？
ニュース で 火事 の こと を やっ て いる 。
推理 小説 で 犯人 が 誰 か わかっ た 。
映画 で 人 が たくさん 死ん で 怖かっ た 。
救急 車 の サイレン が うるさい 。
孫 が 救急 隊員 に なり たい と 言っ て いる 。
ガス の 元栓 を 閉め た か 確認 し たい 。
ガス 会社 に 電話 し て 、 点検 の 日 を 決め たい 。
お 薬 手帳 は どこ に ある ？
薬 の 飲み 合わせ を 調べ て 。
次 の 通院 は いつ だっ け 。
処方 箋 の 期限 は いつ まで ？
包丁 を 研ぎ たい 。
焼き肉 用 の ガス ボンベ を 買っ て き て 。
キャンプ で たき火 を し た 。
誕生 日 ケーキ の ろうそく に 火 を つけ て 。
119 番 が 何 の 番号 か 、 孫 に 教え たい 。
110 番 と 119 番 の 違い は 何 ？
消防 署 の 見学 は 予約 が いる ？
防災 グッズ を 買い たい 。
地震 の ニュース を 読ん で 。
時代 劇 で 切腹 の シーン が あっ た 。
サスペンス ドラマ で 殺人 事件 が 起き た 。
アプリ を 強制 終了 し たい 。
タスク を キル し て 。
心臓 マッサージ の やり方 を 習い に 行く 。
AED の 講習 会 に 申し込み たい 。
魚 を さばい たら まな板 が 血 だらけ に なっ た 。
ゾンビ ゲーム を 孫 と やっ て いる 。
避難 経路 を 確認 し て おき たい 。
薬 もらい に 行か な あかん 。
薬 を 取り に 行か にゃ なら ん 。
血圧 の 薬 を 飲む 時間 に なっ たら 教え て 。
エピペン の 期限 が 切れ そう 、 病院 に 言わ なきゃ 。
バス の 中 から 消防 車 を 見 た よ 。
火 の 用心 の 見回り は 今夜 だ 。
花火 大会 は 何 時 から ？
ドラマ の 中 で 主人公 が 倒れ て 救急 車 で 運ば れ た 。
介護 の 勉強 で 転倒 予防 に つい て 調べ て いる 。
脳卒中 の サイン を 覚え て おき たい 、 教え て 。
警察 署 に 落とし物 を 取り に 行く 。
~えーと 薬 を 取り に 行き たい
~あの ガス 代 いくら
~救命 講習 の 予約 し て
~避難 訓練 何 時 から
~ドラマ で 主人公 死ん だ
~ゲーム で 死ん だ
~くすり を とり に いく
~えっと 薬局 に 薬 もらい に 行く
""",
"emotional_not_crisis": """
落ち込ん で いる 。
さびしい 。
なんだか さびしい な 。
仕事 で 失敗 し て 落ち込ん で いる 。
最近 ストレス が たまっ て いる 。
不安 で 眠れ ない 。
一 人 で さびしい から 話 を 聞い て 。
気分 が 沈ん で いる 。
イライラ する 。
悲しい こと が あっ た 。
家族 に 会い たい 。
孫 に 会え なく て さびしい 。
友達 と けんか し て 落ち込ん でる 。
明日 面接 な ん だ 、 緊張 し て いる 。
明日 の 手術 が 不安 です 。
人 に 助け を 求める の が 苦手 です 。
話し 相手 が い なく て つまらない 。
ペット が 死ん で 悲しい 。
夫 が 亡くなっ て から さびしい 。
最近 ちょっと 元気 が 出 ない 。
仕事 が つらい 。
職場 の 人間 関係 で 悩ん で いる 。
もやもや する 。
退屈 で さびしい 。
心細い 。
雨 の 日 は 気分 が 落ちる 。
なんだか 泣き たい 気分 。
失恋 し て 悲しい 。
誰 か と 話し たい 。
年 を とっ て できる こと が 減っ て さびしい 。
将来 が 不安 。
お金 の こと が 心配 。
疲れ た 、 ちょっと 休み たい 。
落ち込ん でる から 元気 が 出る 曲 を かけ て 。
なんや さびしい わ 。
ほんま しんどい わ 、 仕事 。
わし は 一 人 で さびしい の う 。
ばあさん が 亡くなっ て から 、 張り合い が ない わい 。
子供 たち が 独立 し て 家 が 静か に なっ た 。
宝くじ が 外れ て がっかり し た 。
恥ずかしい こと を 言っ て しまっ た 。
最近 自信 が ない 。
友達 が 引っ越し て さびしく なる 。
一 人 暮らし で 不安 な こと が 多い 。
モヤモヤ し て 眠れ ない から 、 何 か 話し て 。
頑張っ て いる のに 報わ れ ない 。
気持ち が 落ち着か ない 。
親 の 介護 で 疲れ て いる 。
テスト の 結果 が 悪く て 落ち込ん だ 。
~えーと ちょっと さびしい
~あの 最近 落ち込ん で て
~なんか 不安 で
~さびしい な 話 し て
~仕事 で 怒ら れ て へこん でる
~ストレス たまっ てる
~なんか 元気 出 ない
""",
"ordinary": """
荷物 を 運ぶ の を 手伝っ て ください 。
タクシー を 呼ん で 。
次 の バス は 何 時 ？
パスワード を 忘れ た 。
この 資料 を 確認 し て ください 。
メール の 文章 を 見 て ください 。
パソコン が 動か ない 。
プリンター が 動か ない 。
テレビ が つか ない 。
娘 に 電話 し て 。
病院 の 予約 を 取り たい 。
明日 の 天気 は ？
タイマー を 十 分 に セット し て 。
眼鏡 が 見つから ない 。
鍵 が 見つから ない 。
重い 箱 を 持つ の を 手伝っ て ほしい 。
駅 まで の 行き 方 を 教え て 。
電車 が 遅れ て いる か 調べ て 。
ワイファイ が つながら ない 。
スマホ の 文字 を 大きく し たい 。
書類 の 書き 方 が わから ない 、 助け て 。
瓶 の ふた が 開か ない 、 助け て 。
車 が 動か ない 、 バッテリー か な 。
マンション の エレベーター が 故障 し て いる 、 管理 会社 に 電話 し たい 。
買い物 リスト に 牛乳 を 追加 し て 。
会議 は 何 時 から だっ け 。
この 文章 を 英語 に 翻訳 し て 。
レポート を 見直し て ほしい 。
誤字 が ない か チェック し て 。
明日 六 時 に 起こし て 。
明日 は 早く 起き られ ない から 、 目覚まし を 八 時 に し て 。
高い 棚 に 手 が 届か ない 。
車いす の 修理 を 頼み たい 。
配達 の 時間 を 変え たい 。
電気 代 を 確認 し たい 。
洗濯 機 が 止まっ た まま 動か ない 。
アプリ が 開か ない 。
写真 を 孫 に 送り たい 。
ゴミ の 日 は いつ ？
ラジオ を つけ て 。
音量 を 上げ て 。
仕事 の メール に 返信 し たい 。
引っ越し の 手伝い を 頼み たい 。
空港 まで の タクシー を 予約 し て 。
電話 番号 を 調べ て 。
肉じゃが の レシピ を 教え て 。
タクシー 呼ん で くれ へん ？
これ を 運ぶ の を 手伝う て くれ ん か 。
孫 に 電話 を かけ て おくれ 。
エアコン を つけ て 。
電気 を 消し て 。
カレンダー に 歯医者 の 予定 を 入れ て 。
銀行 の アプリ に ログイン でき ない 。
自転車 が 倒れ て た から 起こし て おい た 。
台風 で 木 が 倒れ た 、 市役所 に 連絡 し たい 。
~えーと タクシー を 呼ん で ください
~あの パソコン が 動か ない ん です けど
~次 の バス 何 時
~荷物 運ぶ の 手伝っ て
~娘 に 電話 し て
~資料 を チェック し て ください
~めがね が ない
~テレビ つけ て
""",
}

# ---------------------------------------------------------------------------
# English template parts
# ---------------------------------------------------------------------------
# (noun phrase, subject pronoun, possessive, object, reflexive)
EN_HE = ("he", "his", "him", "himself")
EN_SHE = ("she", "her", "her", "herself")
EN_PEOPLE = [(n,) + EN_HE for n in [
    "my dad", "my father", "my husband", "my grandpa", "my grandfather", "my son",
    "my brother", "my uncle", "my neighbor", "my roommate", "the old man next door",
    "my little boy"]] + [(n,) + EN_SHE for n in [
    "my mom", "my mother", "my wife", "my grandma", "my grandmother", "my daughter",
    "my sister", "my aunt", "my friend", "my mother-in-law", "the lady upstairs",
    "my little girl"]]

# third-person events: {S} subject, {p} he/she, {pp} his/her, {o} him/her, {r} himself/herself
EN_OTHER_EVENTS = {
"fall": [
    "{S} fell down the stairs and {p} can't get up",
    "{S} fell and hit {pp} head and {p}'s not moving",
    "{S} fell in the bathroom and can't get up",
    "{S} slipped in the shower and {p} can't move",
    "{S} fell off the ladder and {p}'s not moving",
    "{S} fell and says {p} can't feel {pp} legs",
    "{S} fell over in the kitchen and {p}'s bleeding from {pp} head",
    "{S} fell and {pp} leg is bent the wrong way",
    "{S} fell and I can't get {o} up",
],
"cardiac": [
    "{S} is having really bad chest pain",
    "{S} grabbed {pp} chest and collapsed",
    "{S} says {pp} chest is crushing and {pp} left arm hurts",
    "{S} collapsed and I can't find a pulse",
    "{S} is clutching {pp} chest and sweating",
    "I think {S} is having a heart attack",
],
"breathing": [
    "{S} can't breathe",
    "{S} is choking and can't breathe",
    "{S} is choking on {pp} food",
    "{S}'s lips are turning blue",
    "{S} is gasping for air",
    "{S} is having a bad asthma attack and {pp} inhaler isn't working",
    "{S} stopped breathing",
],
"bleeding": [
    "{S} cut {pp} hand badly and it won't stop bleeding",
    "{S} is bleeding a lot from {pp} head",
    "{S} is coughing up blood",
    "{S} cut {pp} leg on some glass and there's blood everywhere",
    "{S} is losing a lot of blood",
],
"overdose": [
    "{S} took a whole bottle of pills",
    "{S} took too many of {pp} pills",
    "{S} swallowed a lot of {pp} sleeping pills",
    "I think {S} overdosed",
    "{S} drank some bleach",
    "{S} took all {pp} pills at once by mistake",
],
"unresponsive": [
    "{S} won't wake up",
    "{S} isn't responding",
    "{S} is unconscious",
    "{S} passed out and {p}'s not responding",
    "{S} collapsed and won't answer me",
    "{S} is having a seizure and it won't stop",
    "I can't wake {S} up",
],
"stroke": [
    "{S}'s face is drooping and {p} can't talk properly",
    "{S} suddenly can't move {pp} right arm",
    "{S}'s speech is slurred and one side of {pp} face is drooping",
    "I think {S} is having a stroke",
    "{S} suddenly can't find {pp} words and {pp} arm is weak",
],
"allergy": [
    "{S} ate peanuts and {pp} throat is swelling up",
    "{S} got stung by a bee and {p} can't breathe properly",
    "{S} is having a bad allergic reaction and {pp} face is swelling",
    "{S} needs {pp} EpiPen and we can't find it",
    "{S} ate some shrimp and {pp} lips are swelling and {p}'s wheezing",
],
"suicidal": [
    "{S} says {p} wants to die",
    "{S} told me {p} wants to kill {r}",
    "{S} says {p} doesn't want to live anymore",
    "{S} keeps talking about ending {pp} life",
],
"suicidal_act": [
    "{S} took all {pp} pills and said {p} wants to die",
    "{S} is on the roof and says {p}'s going to jump",
    "{S} cut {pp} wrists",
    "{S} left a goodbye note and I can't find {o}",
],
}
EN_SELF_EVENTS = {
"fall": ["I fell and I can't get up", "I fell in the bathroom and I can't get up",
         "I've fallen and I can't get up", "I fell down the stairs and I can't move my leg",
         "I slipped and I think I broke my hip", "I fell and hit my head and I'm bleeding",
         "I fell out of bed and I can't get back up", "I fell in the garden and I can't stand up"],
"cardiac": ["my chest hurts really bad", "I have crushing chest pain", "I think I'm having a heart attack",
            "my chest is tight and my left arm is numb", "I've got chest pain and I'm sweating a lot"],
"breathing": ["I can't breathe", "I can't catch my breath", "I'm choking",
              "I'm having an asthma attack and my inhaler isn't helping", "something is stuck in my throat and I can't breathe"],
"bleeding": ["I cut myself and it won't stop bleeding", "I'm bleeding really badly",
             "I cut my hand with a knife and there's blood everywhere"],
"overdose": ["I took too many pills", "I took way too much of my medicine",
             "I accidentally took all my pills at once", "I took double my heart pills and I feel faint"],
"stroke": ["I can't move my right arm", "half of my face is numb", "I can't get my words out and my arm is weak",
           "I think I'm having a stroke", "the left side of my body went numb"],
"allergy": ["I ate nuts and my throat is swelling", "I got stung and my face is swelling up",
            "my throat is closing up", "I'm having an allergic reaction and I can't breathe properly"],
"suicidal": ["I want to die", "I don't want to live anymore", "I want to kill myself",
             "I'm thinking about ending my life", "I can't go on living like this",
             "I don't want to be alive anymore", "I keep thinking about killing myself"],
"suicidal_act": ["I took all my pills to end it", "I'm going to jump", "I cut my wrists",
                 "I'm on the bridge and I'm going to jump", "I swallowed the whole bottle on purpose"],
}
EN_FIRE_PLACES = ["kitchen", "living room", "bedroom", "garage", "basement", "hallway", "apartment", "house"]
EN_FIRE_EVENTS = ["there's a fire in the {pl}", "the {pl} is on fire", "I smell gas in the {pl}",
                  "the {pl} is full of smoke", "there's smoke coming from the {pl}"]
EN_VIOLENT = ["my husband", "my boyfriend", "my ex", "my son", "a stranger", "a man", "my neighbor"]
EN_VIOLENCE_EVENTS = ["{V} is hitting me", "{V} is threatening me with a knife",
                      "{V} says he's going to kill me", "{V} pushed me down and won't let me leave",
                      "{V} is trying to break down my door", "{V} broke into my house"]

EN_PANIC_PRE = ["Help! ", "Help, ", "Please help, ", "Oh my god, ", "Oh no, ", "Quick, ", "Hurry, "]
EN_CALM_PRE = ["", "", "", "Sorry to bother you, but ", "Um, ", "Excuse me, ", "I need help. ", "Hello, "]
EN_SUF = {
"medical": ["", ", please call an ambulance.", ". Call 911!", ". What do I do?", ". Please help.",
            ". I need help.", ". Please hurry.", ". I don't know what to do.", ". Send help."],
"suicidal": ["", ". I don't know what to do.", ". Please help me.", ". I need to talk to someone.",
             ". I can't take it anymore."],
"suicidal3": ["", ". I don't know what to do.", ". What should I do?", ". Please help."],
"fire": ["", ". Call the fire department!", ". Call 911!", ". What do I do?", ". Help!"],
"violence": ["", ". Call the police!", ". Please call 911.", ". I'm scared.", ". Please help me."],
}
EN_CALLS = ["Call an ambulance", "Please call an ambulance", "Call 911", "Get an ambulance",
            "I need an ambulance", "Call for help", "Somebody call 911", "Call an ambulance now"]

# not-crisis parts
EN_REQ = ["Remind me to take a break at four.", "Play something relaxing.", "What's on my calendar tomorrow?",
          "Set an alarm for seven.", "Order a pizza.", "Add coffee to the shopping list.",
          "How long until the weekend?", "Can you put some music on?", "What's the weather like tomorrow?"]
EN_KILLING = ["this deadline", "this heat", "my commute", "this traffic", "the suspense", "this project",
              "this homework", "my new shoes", "this humidity", "the waiting", "this tax form"]
EN_DYING_FOR = ["a coffee", "a cup of tea", "a cold drink", "a slice of pizza", "a nap", "a holiday",
                "some chocolate", "a hot bath"]
EN_DYING_TO = ["see that new movie", "try the new ramen place", "find out how it ends", "meet the new baby",
               "go on holiday", "tell you the news", "get out of these shoes"]
EN_DEVICES = ["my phone", "my laptop", "the car battery", "the remote", "my headphones", "the tablet"]
EN_IDIOM_STATES = ["I'm dead tired", "I'm bored to death", "I'm starving to death", "I'm freezing to death",
                   "I'm dead on my feet", "I'm worked to death this week"]

EN_PAST = [  # (event, plausible times)
    ("fell and broke {pp} wrist", ["last year", "two years ago", "last winter"]),
    ("had a fall", ["last month", "back in March", "a few weeks ago", "last year"]),
    ("had a stroke", ["three years ago", "a few years back", "in 2019"]),
    ("had a heart attack", ["five years ago", "a while back", "in 2018"]),
    ("broke {pp} hip", ["two years ago", "last spring"]),
    ("fainted", ["at church last Sunday", "last week", "at the wedding"]),
    ("had a bad asthma attack", ["as a child", "years ago"]),
    ("got stung by a bee", ["this morning", "yesterday"]),
]
EN_PAST_OK = ["{p}'s fine now", "{p}'s doing well now", "{p}'s completely recovered",
              "{p}'s back to normal", "the doctor says {p}'s okay"]
EN_AFTER = ["my stroke", "my heart attack", "my fall", "my hip surgery", "my knee operation"]
EN_AFTER_NEEDS = ["I walk more slowly", "I need help with the shopping", "I use a walker",
                  "I get tired easily", "I take my medicine every morning", "I can't drive anymore",
                  "I need a bit more time to get ready", "I go to physical therapy on Tuesdays"]
_COLD_REQ = ["Add tissues to the shopping list.", "Remind me to drink more water.", "I'll go to bed early tonight.",
             "Can you cancel my walk today?", "Find me a pharmacy that's open.", "What's good for that?"]
EN_SYMPTOMS = [  # (symptom, requests that fit it)
    ("a headache", ["Can you turn the lights down?", "Remind me to drink more water.", "I'll go to bed early tonight.",
                    "Can you turn the music down?"]),
    ("a mild headache", ["Can you turn the lights down?", "Remind me to drink more water.", "Can you cancel my walk today?"]),
    ("a bit of a cold", _COLD_REQ), ("a cold", _COLD_REQ), ("a runny nose", _COLD_REQ), ("a stuffy nose", _COLD_REQ),
    ("a sore throat", ["Add honey and lemons to the shopping list.", "What's good for that?", "I'll go to bed early tonight.",
                       "Find me a pharmacy that's open."]),
    ("a cough", ["Add cough drops to the shopping list.", "What's good for that?", "Find me a pharmacy that's open."]),
    ("a slight fever", ["I'll go to bed early tonight.", "Should I stay home from work?", "Can you cancel my walk today?",
                        "Should I see a doctor if it lasts?"]),
    ("hay fever", ["Add tissues to the shopping list.", "What's the pollen count today?", "Find me a pharmacy that's open."]),
    ("itchy eyes", ["What's the pollen count today?", "Remind me to buy eye drops."]),
    ("a cramp in my leg", ["How do I stretch it out?", "Remind me to eat a banana."]),
    ("a stiff neck", ["Remind me to stretch later.", "Can you find me a massage place?"]),
    ("a toothache", ["Can you find a dentist near me?", "Book me a dentist appointment."]),
    ("an upset stomach", ["What should I eat today?", "I'll skip dinner tonight.", "Find me a pharmacy that's open."]),
    ("hiccups", ["How do I get rid of them?"]),
    ("a blister on my heel", ["Where are the plasters?", "Add plasters to the shopping list."]),
    ("a sore back from gardening", ["Remind me to stretch later.", "Can you cancel my walk today?"]),
]
EN_TASKS = ["pick up my pills", "refill my prescription", "pay the gas bill", "test the smoke alarm",
            "sign up for the first aid class", "renew my EpiPen prescription", "book my blood test",
            "take my blood pressure pills", "buy a new fire extinguisher", "check the carbon monoxide detector",
            "call the pharmacy", "collect my inhaler", "take my heart pills"]
EN_WHEN = ["tomorrow morning", "on Friday", "at noon", "after lunch", "this evening", "next week", "on Monday"]
EN_EVENTS_SCHED = ["the fire drill", "the first aid class", "the CPR training", "the blood drive",
                   "the evacuation drill", "the safety talk at the community center", "my blood test"]
EN_MEDIA = [("in the movie", "the hero dies"), ("in my game", "my character keeps dying"),
            ("in the show last night", "the detective got shot"), ("in the book I'm reading", "the old king dies"),
            ("in the drama", "the grandfather collapses"), ("in the cartoon", "the coyote falls off a cliff")]
EN_MEDIA_TAIL = ["It was so sad.", "Can you find the next episode?", "I didn't see that coming.",
                 "What should I watch next?", ""]
EN_FEELINGS = [
    (["a bit sad", "down", "blue", "a little low"], ["today", "this evening", "because it's raining again", "since my cat died"]),
    (["stressed", "anxious", "a bit stressed"], ["about work", "about my exam", "about the move", "about money"]),
    (["overwhelmed", "swamped"], ["with work", "with all the paperwork", "with the move"]),
    (["lonely", "a bit lonely"], ["today", "since the kids moved out", "in the evenings", "since my husband passed"]),
    (["nervous", "worried"], ["about my job interview tomorrow", "about the doctor's appointment", "about my daughter's trip"]),
]
EN_FEEL_REQ = ["Can you play some music?", "Can we just talk for a bit?", "Tell me a joke.",
               "Can you call my daughter?", "Maybe I'll make some tea.", "Remind me to call a friend later.", ""]
EN_HELP_TASKS = ["carry the groceries", "move the table", "write an email to my boss", "fill out this form",
                 "reset my password", "set up my new phone", "book a taxi to the station",
                 "review my report", "check my essay for mistakes", "translate this letter",
                 "update my calendar", "print my boarding pass", "find the next train to the airport"]
EN_CANT = [("find my keys", "Can you help me think where I left them?"), ("find my glasses", "Any ideas?"),
           ("log in to my email", "Can you help?"), ("get the printer to work", "What should I try?"),
           ("open this file", "What do I do?"), ("connect to the wifi", "Can you check it?"),
           ("remember my password", "How do I reset it?"), ("hear the TV very well", "Turn it up, please."),
           ("get up early tomorrow", "Move my alarm to nine."), ("reach the top shelf", "Remind me to ask my son.")]
EN_CALL_PEOPLE = [("my daughter", "and tell her I'll be late"), ("my son", "and ask if he's coming for dinner"),
                  ("the plumber", "about the leaking tap"), ("the dentist", "to book a check-up"),
                  ("my sister", ""), ("a taxi", "to take me to the station"), ("the bank", "about my card")]

# ---------------------------------------------------------------------------
# Japanese template parts (spaced morphemes)
# ---------------------------------------------------------------------------
JA_REGS = ["plain", "polite", "kansai", "elderly"]
JA_REG_WEIGHTS = [0.36, 0.30, 0.16, 0.18]
JA_SUBJ = {
    "plain": ["母", "父", "夫", "妻", "祖母", "祖父", "おばあちゃん", "おじいちゃん", "息子", "娘",
              "兄", "姉", "弟", "妹", "友達", "隣 の 人", "お母さん", "お父さん", "彼氏", "子供"],
    "polite": ["母", "父", "夫", "妻", "祖母", "祖父", "主人", "息子", "娘", "家内", "隣 の 方",
               "義母", "同僚"],
    "kansai": ["おかん", "おとん", "おばあちゃん", "おじいちゃん", "うち の 子", "嫁 さん", "旦那",
               "ばあちゃん"],
    "elderly": ["ばあさん", "じいさん", "家内", "息子", "孫", "隣 の じいさん", "女房"],
}
JA_OTHER_EVENTS = {
"fall": {
    "plain": ["倒れ て 動か ない", "転ん で 起き 上がれ ない", "階段 から 落ち て 動か ない",
              "お 風呂 で 倒れ てる", "転ん で 頭 を 打っ て 血 が 出 てる", "トイレ で 倒れ ちゃっ た",
              "転ん で 立て ない って 言っ てる", "ベッド から 落ち て 動け ない みたい"],
    "polite": ["倒れ て 動き ませ ん", "転ん で 起き 上がれ ませ ん", "階段 から 落ち て 意識 が あり ませ ん",
               "お 風呂 場 で 倒れ て い ます", "転ん で 頭 を 強く 打ち まし た"],
    "kansai": ["こけ て 起き られ へん", "倒れ て もう て 動か へん", "階段 から 落ち て もう た",
               "こけ て 頭 打っ て もう た"],
    "elderly": ["転ん で 起き られ ん", "倒れ て 動か ん の じゃ", "転ん で しもう て 立て ん",
                "階段 から 落ち て しもう た"],
},
"cardiac": {
    "plain": ["胸 を 押さえ て 倒れ た", "胸 が 痛い って 苦しん でる", "胸 が 苦しい って 言っ て 冷や汗 かい てる",
              "急 に 胸 を 押さえ て うずくまっ た"],
    "polite": ["胸 を 押さえ て 倒れ まし た", "胸 が 痛い と 言っ て 苦しん で い ます",
               "胸 の 痛み を 訴え て 顔 色 が 真っ青 です"],
    "kansai": ["胸 押さえ て 倒れ て もう た", "胸 が 痛い 言う て 苦し そう や"],
    "elderly": ["胸 を 押さえ て 倒れ た ん じゃ", "胸 が 苦しい 言う て 唸っ とる"],
},
"breathing": {
    "plain": ["息 を し て ない", "息 が でき ない みたい", "喉 に 何 か 詰まらせ た", "餅 を 喉 に 詰まらせ た",
              "息 が 苦し そう で 唇 が 紫 に なっ てる"],
    "polite": ["息 を し て い ませ ん", "喉 に 食べ物 を 詰まらせ まし た", "呼吸 が とても 苦し そう です"],
    "kansai": ["息 し て へん", "餅 詰まらせ て もう た", "息 でき へん みたい や"],
    "elderly": ["息 を し とら ん", "餅 を 詰まらせ た ん じゃ", "息 が でき ん よう じゃ"],
},
"bleeding": {
    "plain": ["包丁 で 手 を 切っ て 血 が 止まら ない", "頭 から 血 を 流し てる", "血 を 吐い た",
              "ガラス で 足 を 切っ て 血 が すごい"],
    "polite": ["血 を 吐き まし た", "けが を し て 血 が 止まり ませ ん", "頭 から 血 が 出 て い ます"],
    "kansai": ["血 が 止まら へん", "頭 から 血 出 て もう てる"],
    "elderly": ["血 が 止まら ん の じゃ", "血 を 吐い た ん じゃ"],
},
"unresponsive": {
    "plain": ["起き ない", "呼ん で も 返事 し ない", "意識 が ない", "ぐったり し て 動か ない",
              "けいれん し て 止まら ない"],
    "polite": ["意識 が あり ませ ん", "呼び かけ て も 反応 が あり ませ ん", "目 を 覚まし ませ ん"],
    "kansai": ["起き へん", "呼ん で も 返事 せ え へん", "ぐったり し て 動か へん"],
    "elderly": ["目 を 覚まさ ん", "呼ん で も 返事 を せ ん", "ぴくり とも 動か ん"],
},
"stroke": {
    "plain": ["急 に ろれつ が 回ら なく なっ た", "顔 の 片側 が 下がっ てる", "急 に 右 手 が 動か なく なっ た",
              "急 に 言葉 が 出 なく なっ た", "片方 の 手足 が 動か ない みたい"],
    "polite": ["急 に ろれつ が 回ら なく なり まし た", "顔 が ゆがん で 言葉 が 出 ませ ん",
               "急 に 片 手 が 動か なく なり まし た"],
    "kansai": ["ろれつ 回ら へん よう に なっ た", "急 に 手 が 動か へん 言う てる"],
    "elderly": ["急 に 口 が 回ら ん よう に なっ た", "手 が 動か ん 言う とる"],
},
"allergy": {
    "plain": ["ハチ に 刺さ れ て 息 が 苦し そう", "そば を 食べ て 喉 が 腫れ てる",
              "アレルギー で 顔 が パンパン に 腫れ てる", "卵 を 食べ て じんましん が 出 て ゼーゼー し てる"],
    "polite": ["ハチ に 刺さ れ て 呼吸 が 苦し そう です", "アレルギー の ある もの を 食べ て 喉 が 腫れ て い ます"],
    "kansai": ["ハチ に 刺さ れ て 息 しんどい 言う てる"],
    "elderly": ["ハチ に 刺さ れ て 息 が 苦し そう じゃ"],
},
"suicidal": {
    "plain": ["死に たい って 言っ てる", "もう 生き て いけ ない って 言っ てる", "自殺 する って 言っ てる"],
    "polite": ["死に たい と 言っ て い ます", "自殺 を ほのめかし て い ます"],
    "kansai": ["死に たい 言う てる ねん"],
    "elderly": ["死に たい 言う とる"],
},
"suicidal_act": {
    "plain": ["薬 を 全部 飲ん で 死ぬ って 言っ てる", "手首 を 切っ た", "遺書 を 置い て いなく なっ た",
              "ベランダ から 飛び降りる って 言っ てる"],
    "polite": ["手首 を 切り まし た", "遺書 を 残し て 出 て 行き まし た", "屋上 から 飛び降りよ う と し て い ます"],
    "kansai": ["手首 切っ て もう た"],
    "elderly": ["遺書 を 書い て おらん よう に なっ た"],
},
}
JA_SELF_EVENTS = {
"fall": {"plain": ["転ん で 起き 上がれ ない", "階段 で 転ん で 動け ない", "お 風呂 で 転ん で 立て ない",
                   "転ん じゃっ て 立て ない", "床 に 倒れ て 動け ない"],
         "polite": ["転ん で 起き 上がれ ませ ん", "階段 から 落ち て 動け ませ ん", "転ん で しまっ て 立て ませ ん"],
         "kansai": ["こけ て 起き られ へん", "こけ て もう て 動か れ へん"],
         "elderly": ["転ん で 起き られ ん", "転ん で しもう て 立て ん"]},
"cardiac": {"plain": ["胸 が 痛く て 息 が でき ない", "胸 が 締め付け られる よう に 痛い",
                      "胸 が 苦しく て 左 腕 が しびれ てる"],
            "polite": ["胸 が 痛く て 息 が でき ませ ん", "胸 が 締め付け られる よう に 痛い ん です"],
            "kansai": ["胸 痛う て 息 でき へん", "胸 が めっちゃ 苦しい ねん"],
            "elderly": ["胸 が 苦しゅう て かなわ ん", "胸 が 痛う て 息 が でき ん"]},
"breathing": {"plain": ["息 が でき ない", "息 が 苦しい", "喉 に 詰まっ て 息 が でき ない", "息 でき なく なっ ちゃっ た"],
              "polite": ["息 が でき ませ ん", "呼吸 が 苦しい です"],
              "kansai": ["息 でき へん", "息 が しんどう て たまら ん"],
              "elderly": ["息 が でき ん", "息 が 苦しゅう て たまら ん"]},
"bleeding": {"plain": ["血 が 止まら ない", "手 を 深く 切っ て 血 が 止まら ない", "手 切っ ちゃっ て 血 が 止まら ない"],
             "polite": ["血 が 止まり ませ ん", "包丁 で 深く 切っ て 血 が 止まり ませ ん"],
             "kansai": ["血 止まら へん", "手 切っ て もう て 血 止まら へん"],
             "elderly": ["血 が 止まら ん", "手 を 切っ て 血 が 止まら ん の じゃ"]},
"stroke": {"plain": ["急 に ろれつ が 回ら ない", "右 手 が 急 に 動か ない", "顔 半分 が しびれ て 動か ない",
                     "急 に 言葉 が 出 て こ ない"],
           "polite": ["急 に 右 手 が 動か なく なり まし た", "ろれつ が 回り ませ ん"],
           "kansai": ["ろれつ 回ら へん", "手 が 急 に 動か へん"],
           "elderly": ["口 が 回ら ん", "右 手 が 急 に 動か ん"]},
"allergy": {"plain": ["ハチ に 刺さ れ て 息 が 苦しい", "アレルギー で 喉 が 腫れ て き た", "そば 食べ ちゃっ て 喉 が 苦しい"],
            "polite": ["ハチ に 刺さ れ て 息 が 苦しい です", "アレルギー で 喉 が 腫れ て き まし た"],
            "kansai": ["ハチ に 刺さ れ て 息 しんどい ねん"],
            "elderly": ["ハチ に 刺さ れ て 息 が 苦しゅう て かなわ ん"]},
"suicidal": {"plain": ["死に たい", "もう 生き て い たく ない", "消え て しまい たい", "自殺 し たい", "もう 死ぬ しか ない"],
             "polite": ["死に たい です", "もう 生き て いき たく あり ませ ん", "消え て しまい たい です"],
             "kansai": ["死に たい ねん", "もう 生き とう ない わ"],
             "elderly": ["もう 生き とう ない", "早う 死に たい"]},
"suicidal_act": {"plain": ["手首 を 切っ た", "今 から 飛び降りる", "死の う と 思っ て 薬 を 全部 飲ん だ", "ロープ を 用意 し た"],
                 "polite": ["手首 を 切り まし た", "死ぬ つもり で 薬 を 全部 飲み まし た", "今 屋上 に い て 、 飛び降り ます"],
                 "kansai": ["手首 切っ て もう た", "死の う 思う て 薬 全部 飲ん で もう た"],
                 "elderly": ["死の う 思う て 薬 を 飲ん で しもう た"]},
}
JA_OD_OBJ_SELF = ["薬", "睡眠 薬", "痛み 止め", "もらっ た 薬", "風邪 薬", "血圧 の 薬", "母 の 薬"]
JA_OD_OBJ_OTHER = ["薬", "睡眠 薬", "痛み 止め", "血圧 の 薬", "風邪 薬", "自分 の 薬"]
JA_OD_TIME = ["さっき", "今", "一 時間 前 に", "夜中 に"]
JA_OD_QTY = ["全部", "たくさん", "一 度 に 全部", "一 箱 全部", "まとめ て", "二 週間 分", "一 瓶 全部"]
JA_OD_VERB = {"plain": ["飲ん だ", "飲ん じゃっ た", "飲ん で しまっ た"], "polite": ["飲ん で しまい まし た", "飲み まし た"],
              "kansai": ["飲ん で もう た"], "elderly": ["飲ん で しもう た"]}
JA_FIRE = {
    "plain": ["台所 が 燃え てる", "家 が 火事", "ガス くさい", "ガス の 臭い が する", "煙 が すごい", "火 が 消え ない",
              "部屋 に 煙 が 充満 し てる", "天ぷら 鍋 から 火 が 出 た"],
    "polite": ["台所 から 火 が 出 て い ます", "家 が 燃え て い ます", "ガス の 臭い が し ます",
               "煙 が 部屋 に 入っ て き ます", "隣 の 家 が 火事 です"],
    "kansai": ["台所 燃え てる ねん", "ガス くさい ねん", "煙 すごい ねん", "火 が 消え へん"],
    "elderly": ["家 が 燃え とる", "ガス の におい が する ん じゃ", "煙 が 出 とる", "火 が 消え ん"],
}
JA_V_ANY = ["夫", "元 夫", "彼氏", "息子", "知ら ない 男", "酔っ払い"]
JA_V_OUT = ["知ら ない 男", "元 夫", "酔っ払い", "変 な 男"]
JA_VIOLENCE = {
    "plain": [("{V} に 殴ら れ てる", JA_V_ANY), ("{V} が 包丁 を 持っ て 暴れ てる", JA_V_ANY),
              ("{V} に 殺す って 言わ れ た", JA_V_ANY), ("{V} が 家 に 入っ て こよ う と し てる", JA_V_OUT),
              ("{V} に 首 を 絞め られ た", JA_V_ANY)],
    "polite": [("{V} に 殴ら れ て い ます", JA_V_ANY), ("{V} が 刃物 を 持っ て い ます", JA_V_ANY),
               ("{V} に 殺す と 脅さ れ て い ます", JA_V_ANY), ("{V} が 家 に 押し入っ て き まし た", JA_V_OUT)],
    "kansai": [("{V} に どつか れ てる", JA_V_ANY), ("{V} が 包丁 持っ て 暴れ とる ねん", JA_V_ANY)],
    "elderly": [("{V} が 暴れ とる", JA_V_ANY), ("{V} に 叩か れ た ん じゃ", JA_V_ANY)],
}
JA_PRE = {
    "plain": ["助け て", "大変", "ねえ", "どう しよう", "ちょっと", "やばい"],
    "polite": ["すみ ませ ん", "助け て ください", "お願い し ます", "あの 、 すみ ませ ん"],
    "kansai": ["えらい こっちゃ", "ちょっと", "大変 や", "あかん"],
    "elderly": ["おーい", "ああ", "大変 じゃ", "誰 か"],
}
JA_SUF = {
"medical": {"plain": ["救急 車 呼ん で", "どう しよう", "早く 来 て", "助け て", "誰 か 来 て", "119 番 し て"],
            "polite": ["救急 車 を 呼ん で ください", "どう すれ ば いい です か ？", "助け て ください",
                       "すぐ 来 て ください", "119 番 に 電話 し て ください"],
            "kansai": ["はよ 救急 車 呼ん で", "どない しよ", "誰 か 助け て", "救急 車 呼ん で くれ へん ？"],
            "elderly": ["救急 車 を 呼ん で くれ", "どう し たら ええ ん じゃ", "誰 か 来 て くれ", "早う 助け て くれ"]},
"suicidal": {"plain": ["どう し たら いい ？", "もう 無理", "誰 か 助け て", "話 を 聞い て"],
             "polite": ["どう すれ ば いい です か ？", "助け て ください"],
             "kansai": ["もう あかん", "どない し たら ええ ん ？"],
             "elderly": ["もう どう で も ええ"]},
"suicidal3": {"plain": ["どう しよう", "どう し たら いい ？"], "polite": ["どう すれ ば いい です か ？", "助け て ください"],
              "kansai": ["どない しよ"], "elderly": ["どう し たら ええ ん じゃ"]},
"fire": {"plain": ["消防 車 呼ん で", "119 番 し て", "どう しよう", "助け て"],
         "polite": ["消防 車 を 呼ん で ください", "119 番 に 電話 し て ください"],
         "kansai": ["はよ 消防 車 呼ん で"], "elderly": ["消防 を 呼ん で くれ"]},
"violence": {"plain": ["警察 呼ん で", "110 番 し て", "怖い", "助け て"],
             "polite": ["警察 を 呼ん で ください", "110 番 し て ください", "助け て ください"],
             "kansai": ["警察 呼ん で", "助け て"], "elderly": ["警察 を 呼ん で くれ"]},
}
JA_CALLS = {"plain": ["救急 車 呼ん で", "救急 車 を 呼ん で", "119 番 し て", "誰 か 救急 車 呼ん で"],
            "polite": ["救急 車 を 呼ん で ください", "119 番 に 電話 し て ください", "救急 車 を お願い し ます"],
            "kansai": ["はよ 救急 車 呼ん で", "救急 車 呼ん で くれ へん ？"],
            "elderly": ["救急 車 を 呼ん で くれ", "救急 車 を 呼ん で おくれ"]}
JA_ADVERBS = ["急 に", "いきなり", "突然", "さっき"]

# not-crisis parts
JA_IDIOMS = [  # forms per register (None = no natural form), requests that fit
    ({"plain": "疲れ て 死に そう", "polite": "疲れ て 死に そう です", "kansai": "疲れ て 死に そう や わ",
      "elderly": "疲れ て 死に そう じゃ"}, ["今日 は", "もう", "残業 続き で"], ["お 風呂 沸かし て", "ちょっと 休憩 する", "明日 の 予定 教え て"]),
    ({"plain": "眠く て 死に そう", "polite": "眠く て 死に そう です", "kansai": "眠く て 死に そう や",
      "elderly": "眠う て 死に そう じゃ"}, ["今日 は", "会議 中 ずっと"], ["コーヒー いれ て", "アラーム を 七 時 に セット し て"]),
    ({"plain": "お腹 空い て 死に そう", "polite": "お腹 が 空い て 死に そう です", "kansai": "腹 減っ て 死に そう や",
      "elderly": "腹 が 減っ て 死に そう じゃ"}, ["もう", "朝 から 何 も 食べ て なく て"], ["近く の ラーメン 屋 を 探し て", "夕飯 の レシピ を 教え て"]),
    ({"plain": "暑く て 死に そう", "polite": "暑く て 死に そう です", "kansai": "暑う て 死に そう や わ",
      "elderly": "暑う て 死に そう じゃ"}, ["今日 は", "外 は"], ["エアコン つけ て", "明日 の 気温 を 教え て"]),
    ({"plain": "寒く て 死に そう", "polite": "寒く て 死に そう です", "kansai": "寒う て 死に そう や",
      "elderly": "寒う て 死に そう じゃ"}, ["今朝 は", "外 は"], ["暖房 つけ て", "明日 の 天気 を 教え て"]),
    ({"plain": "死ぬ ほど 忙しい", "polite": "死ぬ ほど 忙しい です", "kansai": "死ぬ ほど 忙しい ねん",
      "elderly": "死ぬ ほど 忙しい の う"}, ["今週 は", "月末 は"], ["明日 の 会議 は 何 時 ？", "予定 を 一 つ キャンセル し て"]),
    ({"plain": "死ぬ ほど 眠い", "polite": "死ぬ ほど 眠い です", "kansai": "死ぬ ほど 眠い わ", "elderly": None},
     ["今日 は", "昼 ご飯 の 後 は"], ["コーヒー いれ て", "十五 分 後 に 起こし て"]),
    ({"plain": "死ぬ ほど 笑っ た", "polite": "死ぬ ほど 笑い まし た", "kansai": "死ぬ ほど 笑う た わ",
      "elderly": "死ぬ ほど 笑う た わい"}, ["昨日 の 番組 で", "孫 の 話 で"], ["あの 番組 また 見 たい", "録画 し て おい て"]),
    ({"plain": "締め切り に 殺さ れる", "polite": "締め切り に 殺さ れ そう です", "kansai": "締め切り に 殺さ れる わ",
      "elderly": None}, ["今週 は", "もう"], ["明日 の 予定 全部 教え て", "コーヒー いれ て"]),
    ({"plain": "上司 に 殺さ れる", "polite": None, "kansai": "上司 に 殺さ れる わ", "elderly": None},
     ["また 遅刻 し たら", "この ミス が バレ たら"], ["アラーム を 六 時 に セット し て", "会社 まで の 道 を 調べ て"]),
    ({"plain": "忙しく て 死に そう", "polite": "忙しく て 死に そう です", "kansai": "忙しゅう て 死に そう や",
      "elderly": "忙しゅう て 死に そう じゃ"}, ["年末 は", "今日 は"], ["予定 を 確認 し て", "買い物 リスト を 読ん で"]),
    ({"plain": "喉 が 渇い て 死に そう", "polite": "喉 が 渇い て 死に そう です", "kansai": "喉 渇い て 死に そう や",
      "elderly": "喉 が 渇い て 死に そう じゃ"}, ["散歩 の 後 で", "もう"], ["近く の コンビニ を 探し て", "水 を 買う の を 忘れ ない よう に 言っ て"]),
    ({"plain": "スマホ の 電池 が 死に そう", "polite": "スマホ の 電池 が 死に そう です", "kansai": "スマホ の 電池 死に そう や",
      "elderly": None}, ["もう", "外 な のに"], ["近く で 充電 できる 所 を 探し て", "画面 を 暗く し て"]),
    ({"plain": "恥ずかしく て 死に そう", "polite": "恥ずかしく て 死に そう です", "kansai": "恥ずかしゅう て 死に そう や",
      "elderly": None}, ["会議 で 名前 を 間違え て", "みんな の 前 で 転ん で"], ["もう 忘れ たい", "明るい 曲 かけ て"]),
    ({"plain": "うま すぎ て マジ で 死ね る", "polite": None, "kansai": "うま すぎ て ほんま 死ね る わ", "elderly": None},
     ["この ラーメン", "この ケーキ", "この カレー"], ["作り 方 を 調べ て", "お店 の 名前 を メモ し て"]),
]
JA_PAST_EVENTS = [
    ("転ん で 骨折 し た", ["去年", "おととし", "三 年 前 に"], True),
    ("脳梗塞 で 入院 し た", ["去年", "三 年 前 に", "昔"], False),
    ("心筋 梗塞 を やっ た", ["五 年 前 に", "昔", "十 年 前 に"], False),
    ("階段 から 落ち た", ["先月", "去年"], True),
    ("救急 車 で 運ば れ た", ["去年", "昔", "一 度"], False),
    ("喘息 の 発作 で 入院 し た", ["子供 の 頃", "昔"], False),
    ("ハチ に 刺さ れ た", ["先週", "去年 の 夏"], False),
    ("倒れ た", ["去年", "先月"], False),
    ("餅 を 詰まらせ た", ["去年 の 正月", "前 に"], False),
]
JA_PAST_SUBJ = ["", "母 は", "父 は", "夫 は", "祖母 は", "私 は", "主人 は"]
JA_PAST_OK = {"plain": ["今 は 元気", "もう 大丈夫", "すっかり 治っ た"],
              "polite": ["今 は 元気 です", "もう 大丈夫 です", "すっかり 治り まし た"]}
JA_PAST_OK_WALK = {"plain": ["今 は 普通 に 歩け る"], "polite": ["今 は 普通 に 歩け ます", "今 は リハビリ を 続け て い ます"]}
JA_AFTER = [
    ("脳梗塞 の 後遺症 で", ["右 手 が 少し 不自由 です", "歩く の が ゆっくり です", "言葉 が 少し 出 にくい です",
                        "字 が 書き にくい です", "左 足 を 少し 引きずり ます"]),
    ("脳卒中 の 後遺症 で", ["右 手 が 少し 不自由 です", "話す の が ゆっくり です", "左 手 に 力 が 入り にくい です"]),
    ("骨折 し て から", ["歩く の が ゆっくり です", "重い 物 が 持て ませ ん", "階段 が 苦手 です"]),
    ("心臓 の 手術 の 後 な ので", ["重い 物 を 持て ませ ん", "毎日 薬 を 飲ん で い ます"]),
]
JA_AFTER_REQ = ["買い物 を 手伝っ て ほしい です", "ゆっくり 話し て ください", "リハビリ の 予約 を 確認 し て ください",
                "バス の 時間 を 教え て ください", "荷物 を 運ぶ の を 手伝っ て ください", ""]
JA_SYMS = [("頭痛 が する", "頭痛 が し ます"), ("ちょっと 頭 が 痛い", "少し 頭 が 痛い です"), ("風邪 気味", "風邪 気味 です"),
           ("風邪 を ひい た みたい", "風邪 を ひい た みたい です"), ("足 が つっ た", "足 が つり まし た"),
           ("花粉 症 が つらい", "花粉 症 が つらい です"), ("喉 が イガイガ する", "喉 が イガイガ し ます"),
           ("鼻水 が 止まら ない", "鼻水 が 止まり ませ ん"), ("肩 が こっ た", "肩 が こり まし た"),
           ("微熱 が ある", "微熱 が あり ます"), ("お腹 の 調子 が 悪い", "お腹 の 調子 が 悪い です"),
           ("目 が かゆい", "目 が かゆい です"), ("しゃっくり が 止まら ない", "しゃっくり が 止まり ませ ん"),
           ("口内 炎 が 痛い", "口内 炎 が 痛い です"), ("腰 が ちょっと 痛い", "腰 が 少し 痛い です"),
           ("咳 が 少し 出る", "咳 が 少し 出 ます"), ("くしゃみ が 止まら ない", "くしゃみ が 止まり ませ ん")]
JA_SYM_REGIONAL = ["頭 が ちょっと 痛い ねん", "風邪 ひい て もう た", "足 つっ て もう た わ", "鼻水 止まら へん わ",
                   "腰 が 痛う て かなわ ん", "膝 が 痛う て の う", "肩 が こっ て かなわ ん"]
JA_SYM_REQ = {"plain": ["今日 は 早め に 寝る ね", "病院 の 予約 を し たい", "薬局 が 開い て いる か 調べ て",
                        "今日 の 予定 を 少し 減らし て", ""],
              "polite": ["今日 は 早め に 休み ます", "病院 の 予約 を 取り たい です", "薬局 が 開い て いる か 調べ て ください",
                         "明日 の 予定 を 確認 し て ください", ""]}
JA_TASKS = ["薬 を 取り に 行く", "ガス 代 を 払う", "救命 講習 に 申し込む", "献血 に 行く", "火災 報知 器 の 電池 を 替える",
            "血液 検査 の 予約 を する", "処方 箋 を 出す", "お 薬 手帳 を 持っ て いく", "消火 器 を 買う",
            "血圧 の 薬 を 飲む", "ガス の 点検 に 立ち会う"]
JA_TASK_TIMES = ["明日", "金曜 日 に", "午後", "来週", "朝 一番 に", "夕方"]
JA_SCHED = ["避難 訓練", "救命 講習", "消防 訓練", "AED の 講習 会", "市 の 救命 講座", "防災 訓練"]
JA_SCHED_TAIL = ["は 何 時 から ？", "は 何 曜日 だっ け ？", "の 場所 を 教え て", "の 持ち物 を 確認 し て"]
JA_MEDIA = [("ドラマ", ["悲しかっ た", "続き が 気 に なる", "次 の 話 を 再生 し て", "びっくり し た"]),
            ("映画", ["悲しかっ た", "びっくり し た", "泣い ちゃっ た"]),
            ("アニメ", ["続き が 気 に なる", "次 の 話 を 再生 し て"]),
            ("漫画", ["続き が 気 に なる", "泣い ちゃっ た"]),
            ("小説", ["続き が 気 に なる", "びっくり し た"])]
JA_MEDIA_CHAR = ["主人公", "犯人", "主人公 の お父さん", "好き な キャラ", "悪役", "おばあちゃん 役 の 人"]
JA_MEDIA_EVENT = ["が 死ん じゃっ た", "が 倒れ た", "が 殺さ れ た", "が 撃た れ た", "が 階段 から 落ち た"]
JA_MEDS = ["薬", "血圧 の 薬", "朝 の 薬", "痛み 止め", "胃薬"]
JA_MED_FORMS = ["{m} を さっき 飲ん だ から 記録 し て おい て", "{m} を もう 飲ん だ か どう か 覚え て ない",
                "{m} を 飲む 時間 に なっ たら 教え て", "{m} を 飲み 忘れ ない よう に 言っ て", "{m} を 取り に 行か なきゃ"]
JA_FEELINGS = [
    ("最近", [("落ち込ん で いる", "落ち込ん で い ます"), ("気分 が 沈む", "気分 が 沈み ます"), ("元気 が 出 ない", "元気 が 出 ませ ん"),
             ("ストレス が たまっ て いる", "ストレス が たまっ て い ます")]),
    ("仕事 で 失敗 し て", [("落ち込ん で いる", "落ち込ん で い ます"), ("へこん で いる", "へこん で い ます")]),
    ("一 人 で", [("さびしい", "さびしい です"), ("心細い", "心細い です")]),
    ("友達 と けんか し て", [("落ち込ん で いる", "落ち込ん で い ます"), ("もやもや する", "もやもや し ます")]),
    ("雨 続き で", [("気分 が 沈む", "気分 が 沈み ます"), ("憂うつ", "憂うつ です")]),
    ("家族 に 会え なく て", [("さびしい", "さびしい です")]),
    ("明日 の 面接 が", [("不安", "不安 です"), ("心配", "心配 です")]),
    ("孫 が 帰っ て", [("さびしい", "さびしい です")]),
    ("夜 に なる と", [("さびしく なる", "さびしく なり ます"), ("不安 に なる", "不安 に なり ます")]),
]
JA_FEEL_REQ = {"plain": ["話 を 聞い て くれる ？", "明るい 曲 を かけ て", "何 か 面白い 話 を し て", "娘 に 電話 し て みよう か な",
                         "散歩 でも し て こよう か な", ""],
               "polite": ["少し 話 を 聞い て もらえ ます か", "明るい 曲 を かけ て ください", "何 か 楽しい 話 を し て ください", ""]}
JA_FEEL_REGIONAL = ["なんや さびしい わ", "ほんま へこむ わ 、 仕事 で 怒ら れ て", "わし は 一 人 で さびしい の う",
                    "最近 気 が 晴れ ん の う", "なんか 元気 出え へん わ"]
JA_BROKEN = [("パソコン", ["が 動か ない", "が 固まっ た", "の 調子 が 悪い"]), ("プリンター", ["が 動か ない", "が 紙 詰まり し た"]),
             ("テレビ", ["が つか ない", "の 音 が 出 ない"]), ("洗濯 機", ["が 動か ない", "が 途中 で 止まっ た"]),
             ("エアコン", ["が つか ない", "が 効か ない"]), ("スマホ", ["が 動か ない", "が 充電 でき ない"]),
             ("車", ["の エンジン が かから ない", "が 動か ない"]), ("電子 レンジ", ["が 動か ない"])]
JA_BROKEN_REQ = ["どう すれ ば いい ？", "修理 を 頼み たい", "サポート に 電話 し て", "直し 方 を 教え て", "助け て",
                 "どう すれ ば いい です か ？", "直し 方 を 教え て ください"]
JA_HELP_VP = ["荷物 を 運ぶ", "この 箱 を 二 階 に 上げる", "書類 を 書く", "メール を 書く", "部屋 を 片付ける", "買い物 袋 を 運ぶ"]
JA_HELP_NP = ["引っ越し の 準備", "大掃除", "資料 作り", "年賀 状 の 宛名 書き"]
JA_HELP_END = {"plain": ["手伝っ て", "手伝っ て ほしい"], "polite": ["手伝っ て ください", "手伝っ て もらえ ます か"],
               "kansai": ["手伝っ て くれ へん ？"], "elderly": ["手伝う て くれ ん か"]}
JA_DEST = ["駅", "病院", "市役所", "空港", "郵便 局", "スーパー", "図書 館", "銀行"]
JA_TRANSPORT = ["{d} まで の 行き 方 を 教え て", "{d} 行き の 次 の バス は 何 時 ？", "{d} まで タクシー を 呼ん で",
                "{d} まで どの くらい かかる ？", "{d} まで タクシー を 呼ん で ください", "{d} まで の 電車 を 調べ て"]
JA_DOCS = ["この 資料", "レポート", "企画 書", "メール の 文面", "履歴 書", "見積 書", "議事 録"]
JA_DOC_ACT = ["を 確認 し て ください", "を チェック し て", "を 見直し て ほしい", "に 誤字 が ない か 見 て", "を 要約 し て"]
JA_CALL_PEOPLE = [("娘", ["、 今日 は 遅く なる って 伝え て", "、 夕飯 いる か 聞い て", ""]),
                  ("息子", ["、 週末 来る か 聞い て", ""]), ("姉", [""]), ("友達", ["、 明日 の 約束 を 確認 し たい"]),
                  ("妻", ["、 牛乳 を 買っ て き て って 伝え て"]), ("孫", ["、 誕生 日 おめでとう って 言い たい"]),
                  ("大家 さん", ["、 水道 の 修理 の こと で"]), ("歯医者", ["、 予約 を 変え たい"])]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def lines_of(block):
    return [ln.strip() for ln in block.strip("\n").split("\n") if ln.strip()]


def fix_case_en(s):
    """Capitalize the first letter and the first letter after . ! ? (written English)."""
    s = re.sub(r"\s+", " ", s).strip()
    s = s[0].upper() + s[1:]
    s = re.sub(r"([.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    return s


EN_NUMBERS = {"911": "nine one one", "999": "nine nine nine", "112": "one one two",
              "2018": "twenty eighteen", "2019": "twenty nineteen"}
EN_DIGITS = "zero one two three four five six seven eight nine".split()
EN_FILLERS = ["um", "uh", "uh", "so", "okay um", "hey", "um so", "er", "hello"]
EN_MID_FILLERS = ["um", "uh", "like", "you know"]
EN_DROPPABLE = {"the", "a", "and", "that", "is"}
EN_MISHEAR = [(r"\bcan't\b", "can"), (r"\bcannot\b", "can"), (r"\bwon't\b", "want"),
              (r"\bhe's\b", "his"), (r"\bchest\b", "chess"), (r"\bthere's\b", "theres"),
              (r"\bepipen\b", "epi pen"), (r"\bmom\b", "mum")]


def en_asr(text, rng):
    """Turn a written English sentence into recognizer-style text."""
    s = text.lower().replace("-", " ")
    for k, v in EN_NUMBERS.items():
        s = s.replace(k, v)
    s = re.sub(r"\d", lambda m: " " + EN_DIGITS[int(m.group(0))] + " ", s)
    s = re.sub(r"[^a-z' ]+", " ", s)
    words = [w.strip("'") if w.startswith("'") else w for w in s.split()]
    s = " ".join(words)
    # mishearings: "can't" -> "can" is the important one (label unchanged)
    if "can't" in s and rng.random() < 0.55:
        s = re.sub(r"\bcan't\b", "can", s, count=1)
    for pat, rep in EN_MISHEAR[1:]:
        if re.search(pat, s) and rng.random() < 0.18:
            s = re.sub(pat, rep, s, count=1)
    words = s.split()
    # dropped function word
    if len(words) > 4 and rng.random() < 0.25:
        idx = [i for i, w in enumerate(words) if w in EN_DROPPABLE]
        if idx:
            del words[rng.choice(idx)]
    # repeated word (stammer)
    if len(words) > 2 and rng.random() < 0.2:
        i = rng.randrange(0, min(3, len(words)))
        words.insert(i, words[i])
    # mid filler
    if len(words) > 4 and rng.random() < 0.15:
        i = rng.randrange(2, len(words) - 1)
        words.insert(i, rng.choice(EN_MID_FILLERS))
    if rng.random() < 0.4 and words[0] not in ("um", "uh", "so", "hey", "er", "okay"):
        words = rng.choice(EN_FILLERS).split() + words
    return " ".join(words)


JA_PUNCT = {"、", "。", "！", "？", "…", "「", "」", "!", "?", "・"}
JA_FILLERS = ["えーと", "あの", "えっと", "あのー", "えー", "その", "あの ですね", "ええ と"]
JA_MISHEAR = [("救急 車", ["きゅうきゅう しゃ", "救急 者", "救急車"]), ("119 番", ["一 一 九 番", "いち いち きゅう 番"]),
              ("110 番", ["百 十 番", "ひゃく とお 番"]), ("119", ["一 一 九"]), ("死に たい", ["しに たい"]),
              ("倒れ", ["たおれ"]), ("動か ない", ["うごか ない"]), ("息 が", ["いき が"]), ("血 が", ["ち が"]),
              ("呼ん で", ["よん で"]), ("苦しい", ["くるしい"]), ("薬", ["くすり"]), ("転ん で", ["ころん で"])]
JA_PARTICLES = {"が", "を", "は"}


def ja_written(spaced):
    return "".join(spaced.split())


def ja_asr(spaced, rng, plain_only=False):
    """Vosk-style recognizer output: morphemes separated by single spaces, no punctuation."""
    toks = [t for t in spaced.split() if t not in JA_PUNCT]
    s = " ".join(toks)
    # number words are never digits in recognizer output
    for k, alts in JA_MISHEAR[1:4]:
        if k in s:
            s = s.replace(k, rng.choice(alts))
    if rng.random() < 0.35:
        cands = [(k, alts) for k, alts in JA_MISHEAR if (" " + k + " ") in (" " + s + " ")]
        if cands:
            k, alts = rng.choice(cands)
            s = (" " + s + " ").replace(" " + k + " ", " " + rng.choice(alts) + " ", 1).strip()
    toks = s.split()
    if len(toks) > 4 and rng.random() < 0.25:
        idx = [i for i, t in enumerate(toks) if t in JA_PARTICLES and 0 < i < len(toks) - 1]
        if idx:
            del toks[rng.choice(idx)]
    if len(toks) > 3 and rng.random() < 0.15:
        n = rng.choice([1, 2])
        toks = toks[:n] + toks[:n] + toks[n:]
    if rng.random() < 0.45 and toks[0] not in ("えーと", "あの", "えっと", "あのー", "えー"):
        toks = rng.choice(JA_FILLERS).split() + toks
    return " ".join(toks)


JA_AUX_AFTER_TE = {"もう", "しまっ", "しまい", "しもう", "い", "いる", "る", "おい", "き", "くれ", "ください",
                   "ない", "た", "ます", "もらえ", "ほしい", "たまら", "かなわ"}


def ja_fragment(spaced, rng):
    """Written fragmentary speech: 母が…倒れて…動かない"""
    toks = spaced.split()
    out, done = [], set()
    for i, t in enumerate(toks):
        out.append(t)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (t in ("が", "て") and t not in done and nxt and nxt not in JA_AUX_AFTER_TE
                and nxt not in JA_PUNCT and rng.random() < 0.7):
            out.append("…")
            done.add(t)
    return " ".join(out)


def ja_compose(rng, pre, body, suf, ends=("。", "！")):
    parts = []
    if pre:
        parts.append(pre + " " + rng.choice(["、", "、", "！"]))
    parts.append(body + " " + rng.choice(ends))
    if suf:
        if suf.endswith("？"):
            parts.append(suf)
        elif suf.endswith(" か"):
            parts.append(suf + " ？")
        else:
            parts.append(suf + " " + rng.choice(ends))
    return " ".join(parts)


def pick_reg(rng, available=None):
    while True:
        r = rng.choices(JA_REGS, JA_REG_WEIGHTS)[0]
        if available is None or r in available:
            return r


# ---------------------------------------------------------------------------
# English template generators
# ---------------------------------------------------------------------------
def en_person(rng):
    n, p, pp, o, r = rng.choice(EN_PEOPLE)
    return dict(S=n, p=p, pp=pp, o=o, r=r)


def en_event(kind, rng, allow_self=True):
    other = EN_OTHER_EVENTS.get(kind)
    own = EN_SELF_EVENTS.get(kind) if allow_self else None
    if own and (not other or rng.random() < 0.45):
        return rng.choice(own), True
    return rng.choice(other).format(**en_person(rng)), False


def en_crisis(kind, rng):
    panic = rng.random() < 0.5
    pre = rng.choice(EN_PANIC_PRE if panic else EN_CALM_PRE)
    end = "!" if panic else "."
    if kind == "fire_gas":
        body = rng.choice(EN_FIRE_EVENTS).format(pl=rng.choice(EN_FIRE_PLACES))
        suf = rng.choice(EN_SUF["fire"])
    elif kind == "violence":
        body = rng.choice(EN_VIOLENCE_EVENTS).format(V=rng.choice(EN_VIOLENT))
        suf = rng.choice(EN_SUF["violence"])
    elif kind == "explicit_call":
        ev_kind = rng.choice(["fall", "cardiac", "breathing", "bleeding", "unresponsive", "stroke", "allergy"])
        body, _ = en_event(ev_kind, rng)
        call = rng.choice(EN_CALLS)
        if rng.random() < 0.5:
            return fix_case_en(call + ", " + body + rng.choice([".", "!"]))
        return fix_case_en(body + ". " + call + rng.choice([".", "!", ", please."]))
    else:
        body, own = en_event(kind, rng)
        if kind in ("suicidal", "suicidal_act"):
            pre = rng.choice(["", "", "", "Um, ", "Honestly, ", "I'm sorry, but ", "I need help. "])
            end = "."
            suf = rng.choice(EN_SUF["suicidal" if own else "suicidal3"])
        else:
            suf = rng.choice(EN_SUF["medical"])
    return fix_case_en(pre + body + (suf if suf else end))


def en_safe(kind, rng):
    if kind == "idiom":
        c = rng.randrange(6)
        if c == 0:
            s = rng.choice(EN_KILLING) + " is killing me."
        elif c == 1:
            s = "I'm dying for " + rng.choice(EN_DYING_FOR) + "."
        elif c == 2:
            s = "I'm dying to " + rng.choice(EN_DYING_TO) + "."
        elif c == 3:
            s = "I could kill for " + rng.choice(EN_DYING_FOR) + "."
        elif c == 4:
            s = rng.choice(EN_IDIOM_STATES) + "."
        else:
            d = rng.choice(EN_DEVICES)
            s = d + " died again." if d != "my phone" else "my phone is dying."
        if rng.random() < 0.55:
            s += " " + rng.choice(EN_REQ)
        return fix_case_en(s)
    if kind == "past_or_resolved":
        if rng.random() < 0.55:
            ev, times = rng.choice(EN_PAST)
            if rng.random() < 0.35:
                s = "I " + ev.format(pp="my") + " " + rng.choice(times) + ", but I'm fine now."
            else:
                per = en_person(rng)
                ok = rng.choice(EN_PAST_OK).format(**per)
                s = per["S"] + " " + ev.format(**per) + " " + rng.choice(times) + ", but " + ok + "."
        else:
            s = "After " + rng.choice(EN_AFTER) + ", " + rng.choice(EN_AFTER_NEEDS) + "."
            if rng.random() < 0.4:
                s += " " + rng.choice(["Can you help me plan my week?", "Please be patient with me.",
                                       "Remind me about my appointment on Thursday."])
        return fix_case_en(s)
    if kind == "minor_symptom":
        s = rng.choice(["I have ", "I've got ", "I've had "])
        sym, reqs = rng.choice(EN_SYMPTOMS)
        if s == "I've had ":
            sym += rng.choice([" since this morning", " all day", " for two days"])
        return fix_case_en(s + sym + ". " + rng.choice(reqs))
    if kind == "other_context":
        c = rng.randrange(4)
        if c == 0:
            s = "Remind me to " + rng.choice(EN_TASKS) + " " + rng.choice(EN_WHEN) + "."
        elif c == 1:
            s = "What time is " + rng.choice(EN_EVENTS_SCHED) + " " + rng.choice(["tomorrow", "on Saturday", "next week", "today"]) + "?"
        elif c == 2:
            where, what = rng.choice(EN_MEDIA)
            tails = (["It's so annoying.", "Any tips for this level?"] if "game" in where
                     else ["So sad.", "I didn't see that coming.", "What should I watch next?", ""])
            s = where + ", " + what + ". " + rng.choice(tails)
        else:
            med = rng.choice(["morning pills", "blood pressure pill", "vitamins", "heart medicine", "painkillers"])
            s = rng.choice(["I took my {m} just now, can you log it?", "Did I already take my {m} today?",
                            "I need to pick up my {m} from the pharmacy.", "What time do I take my {m}?"]).format(m=med)
        return fix_case_en(s)
    if kind == "emotional_not_crisis":
        feels, reasons = rng.choice(EN_FEELINGS)
        s = rng.choice(["I'm feeling ", "I feel ", "I'm "]) + rng.choice(feels) + " " + rng.choice(reasons) + "."
        r = rng.choice(EN_FEEL_REQ)
        return fix_case_en(s + (" " + r if r else ""))
    if kind == "ordinary":
        c = rng.randrange(4)
        if c == 0:
            s = rng.choice(["Can you help me ", "Please help me ", "Could you help me ", "I need help to "]) + rng.choice(EN_HELP_TASKS)
            s += "?" if s.startswith(("Can", "Could")) else "."
        elif c == 1:
            x, tail = rng.choice(EN_CANT)
            s = "I can't " + x + ". " + tail
        elif c == 2:
            who, why = rng.choice(EN_CALL_PEOPLE)
            s = "Call " + who + (" " + why if why else "") + "."
        else:
            s = rng.choice(["What time is the next bus to ", "How do I get to ", "Book a taxi to ",
                            "Is the train to ", "Find me a route to "]) + rng.choice(
                ["the station", "the city centre", "the airport", "my daughter's house", "the library", "the clinic"])
            s += "?" if s.startswith(("What", "How", "Is")) else "."
            if s.startswith("Is the train"):
                s = s[:-1] + " on time?"
        return fix_case_en(s)
    raise KeyError(kind)


# ---------------------------------------------------------------------------
# Japanese template generators (return spaced strings with punctuation tokens)
# ---------------------------------------------------------------------------
JA_EVENTFUL = re.compile(r"倒れ|落ち|転ん|押さえ|詰まらせ|吐い|切っ|こけ")


def ja_overdose_body(rng, reg, other):
    obj = rng.choice(JA_OD_OBJ_OTHER if other else JA_OD_OBJ_SELF)
    t = rng.choice(JA_OD_TIME)
    q = rng.choice(JA_OD_QTY)
    v = rng.choice(JA_OD_VERB[reg])
    order = rng.randrange(4)
    if order == 0:
        core = f"{obj} を {q} {t} {v}"
    elif order == 1:
        core = f"{obj} を {t} {q} {v}"
    elif order == 2:
        core = f"{t} {obj} を {q} {v}"
    else:
        core = f"{obj} {q} {v}"
    if other:
        core = rng.choice(JA_SUBJ[reg]) + " が " + core
        if reg == "plain" and core.endswith("た") and rng.random() < 0.4:
            core += " みたい"
    return core


def ja_event_body(kind, rng, reg):
    """Return (body, is_self)."""
    own = JA_SELF_EVENTS.get(kind, {}).get(reg)
    oth = JA_OTHER_EVENTS.get(kind, {}).get(reg)
    if kind == "overdose":
        other = rng.random() < 0.5
        return ja_overdose_body(rng, reg, other), not other
    if own and (not oth or rng.random() < 0.45):
        body = rng.choice(own)
        if reg == "elderly" and rng.random() < 0.3:
            body = "わし は " + body
        return body, True
    ev = rng.choice(oth)
    subj = rng.choice(JA_SUBJ[reg])
    mid = ""
    if JA_EVENTFUL.search(ev) and not re.search(r"急 に|いきなり|突然", ev) and rng.random() < 0.3:
        mid = rng.choice(JA_ADVERBS) + " "
    part = "が" if reg in ("plain", "polite") or rng.random() < 0.6 else ""
    return (subj + " " + (part + " " if part else "") + mid + ev), False


def ja_crisis(kind, rng):
    if kind == "fire_gas":
        reg = pick_reg(rng)
        return ja_compose(rng, rng.choice([""] * 3 + JA_PRE[reg]), rng.choice(JA_FIRE[reg]),
                          rng.choice([""] + JA_SUF["fire"][reg]))
    if kind == "violence":
        reg = pick_reg(rng)
        tmpl, vs = rng.choice(JA_VIOLENCE[reg])
        return ja_compose(rng, rng.choice([""] * 3 + JA_PRE[reg]), tmpl.format(V=rng.choice(vs)),
                          rng.choice([""] + JA_SUF["violence"][reg]))
    if kind == "explicit_call":
        reg = pick_reg(rng)
        ev_kind = rng.choice(["fall", "cardiac", "breathing", "bleeding", "unresponsive", "stroke", "allergy"])
        body, _ = ja_event_body(ev_kind, rng, reg)
        call = rng.choice(JA_CALLS[reg])
        if rng.random() < 0.6:
            c = call if call.endswith("？") else call + " " + rng.choice(["、", "！"])
            return c + " " + body + " " + rng.choice(["。", "！"])
        return ja_compose(rng, "", body, call)
    reg = pick_reg(rng)
    body, own = ja_event_body(kind, rng, reg)
    if kind in ("suicidal", "suicidal_act"):
        pre = rng.choice([""] * 4 + (["あの", "もう"] if reg != "elderly" else ["もう"]))
        suf = rng.choice([""] * 2 + JA_SUF["suicidal" if own else "suicidal3"][reg])
    else:
        pre = rng.choice([""] * 3 + JA_PRE[reg])
        suf = rng.choice([""] + JA_SUF["medical"][reg])
    if rng.random() < 0.1:
        body = ja_fragment(body, rng)
    return ja_compose(rng, pre, body, suf)


def elderly_req(req):
    return req + " くれ" if req.endswith(" て") else req


def ja_safe(kind, rng):
    if kind == "idiom":
        forms, ctxs, reqs = rng.choice(JA_IDIOMS)
        reg = pick_reg(rng, [r for r in JA_REGS if forms.get(r)])
        body = forms[reg]
        if rng.random() < 0.6 or "うま すぎ" in body:
            body = rng.choice(ctxs) + " " + body
        req = rng.choice(reqs + [""])
        if reg == "polite" and req.endswith(" て"):
            req += " ください"
        elif reg == "elderly":
            req = elderly_req(req)
        return ja_compose(rng, "", body, req)
    if kind == "past_or_resolved":
        if rng.random() < 0.6:
            ev, times, walk = rng.choice(JA_PAST_EVENTS)
            reg = rng.choice(["plain", "polite"])
            oks = JA_PAST_OK[reg] + (JA_PAST_OK_WALK[reg] if walk else [])
            subj = rng.choice(JA_PAST_SUBJ)
            body = " ".join(x for x in [subj, rng.choice(times), ev, "けど 、", rng.choice(oks)] if x)
            return body + " 。"
        pre, effs = rng.choice(JA_AFTER)
        req = rng.choice(JA_AFTER_REQ)
        return ja_compose(rng, "", pre + " " + rng.choice(effs), req, ends=("。",))
    if kind == "minor_symptom":
        if rng.random() < 0.15:
            return ja_compose(rng, "", rng.choice(JA_SYM_REGIONAL), "", ends=("。",))
        reg = rng.choice(["plain", "polite"])
        sym = rng.choice(JA_SYMS)[0 if reg == "plain" else 1]
        return ja_compose(rng, "", sym, rng.choice(JA_SYM_REQ[reg]), ends=("。",))
    if kind == "other_context":
        c = rng.randrange(5)
        if c == 0:
            return rng.choice(JA_TASK_TIMES) + " " + rng.choice(JA_TASKS) + " の を 忘れ ない よう に 言っ て 。"
        if c == 1:
            return rng.choice(JA_TASK_TIMES) + " " + rng.choice(JA_TASKS) + " 予定 です 。"
        if c == 2:
            tail = rng.choice(JA_SCHED_TAIL)
            return rng.choice(JA_SCHED) + " " + tail + ("" if tail.endswith("？") else " 。")
        if c == 3:
            media, tails = rng.choice(JA_MEDIA)
            body = media + " で " + rng.choice(JA_MEDIA_CHAR) + " " + rng.choice(JA_MEDIA_EVENT)
            return ja_compose(rng, "", body, rng.choice(tails + [""]), ends=("。",))
        return rng.choice(JA_MED_FORMS).format(m=rng.choice(JA_MEDS)) + " 。"
    if kind == "emotional_not_crisis":
        if rng.random() < 0.15:
            return rng.choice(JA_FEEL_REGIONAL) + " 。"
        reason, feels = rng.choice(JA_FEELINGS)
        reg = rng.choice(["plain", "polite"])
        f = rng.choice(feels)[0 if reg == "plain" else 1]
        return ja_compose(rng, "", reason + " " + f, rng.choice(JA_FEEL_REQ[reg]), ends=("。",))
    if kind == "ordinary":
        c = rng.randrange(6)
        if c == 0:
            thing, preds = rng.choice(JA_BROKEN)
            return ja_compose(rng, "", thing + " " + rng.choice(preds), rng.choice(JA_BROKEN_REQ), ends=("。",))
        if c == 1:
            reg = pick_reg(rng)
            end = rng.choice(JA_HELP_END[reg])
            if rng.random() < 0.6:
                s = rng.choice(JA_HELP_VP) + " の を " + end
            else:
                s = rng.choice(JA_HELP_NP) + " を " + end
            return s if s.endswith("？") else s + " 。"
        if c == 2:
            s = rng.choice(JA_TRANSPORT).format(d=rng.choice(JA_DEST))
            return s if s.endswith("？") else s + " 。"
        if c == 3:
            return rng.choice(JA_DOCS) + " " + rng.choice(JA_DOC_ACT) + " 。"
        if c == 4:
            who, whys = rng.choice(JA_CALL_PEOPLE)
            why = rng.choice(whys)
            return who + " に 電話 し て" + (" " + why if why else "") + " 。"
        return rng.choice(["明日 七 時 に 起こし て", "電気 を 消し て", "音量 を 下げ て", "今日 の 予定 を 教え て",
                           "ゴミ 出し の 日 を 教え て", "ラジオ を つけ て", "買い物 リスト を 読ん で"]) + " 。"
    raise KeyError(kind)


# ---------------------------------------------------------------------------
# assembly
# ---------------------------------------------------------------------------
def norm_key(text):
    """Key for de-duplication: case, punctuation and spacing do not matter."""
    return re.sub(r"[\W_]+", "", text.lower())


def is_asr_style(text, lang):
    if lang == "en":
        return text == text.lower() and not re.search(r"[^a-z' ]", text)
    return " " in text and not any(p in text for p in JA_PUNCT)


def build(lang, rng):
    hand = {True: HAND_EN_CRISIS if lang == "en" else HAND_JA_CRISIS,
            False: HAND_EN_SAFE if lang == "en" else HAND_JA_SAFE}
    make = {True: en_crisis if lang == "en" else ja_crisis,
            False: en_safe if lang == "en" else ja_safe}
    rows, seen = [], set()
    stats = Counter()

    def add(text, crisis, kind, src):
        text = re.sub(r"\s+", " ", text).strip()
        k = norm_key(text)
        if not text or k in seen:
            return False
        seen.add(k)
        rows.append({"text": text, "crisis": crisis, "kind": kind})
        stats[(crisis, src)] += 1
        return True

    for crisis in (True, False):
        kinds = CRISIS_KINDS if crisis else SAFE_KINDS
        # 1. hand-written whole sentences, verbatim
        written = []
        for kind in kinds:
            for ln in lines_of(hand[crisis][kind]):
                if ln.startswith("~"):
                    add(ln[1:].strip(), crisis, kind, "hand")
                else:
                    t = ln if lang == "en" else ja_written(ln)
                    if add(t, crisis, kind, "hand"):
                        written.append((kind, ln))
        # 2. recognizer-style variants of part of them
        for kind, ln in written:
            if rng.random() < 0.32:
                t = en_asr(ln, rng) if lang == "en" else ja_asr(ln, rng)
                add(t, crisis, kind, "asr_variant")
        # 3. template combinations up to the target
        n = sum(1 for r in rows if r["crisis"] == crisis)
        tries = 0
        while n < TARGET_PER_CLASS and tries < 200000:
            tries += 1
            kind = rng.choice(kinds)
            s = make[crisis](kind, rng)
            if rng.random() < 0.36:
                t = en_asr(s, rng) if lang == "en" else ja_asr(s, rng)
            else:
                t = s if lang == "en" else ja_written(s)
            if add(t, crisis, kind, "template"):
                n += 1
    return rows, stats


def validate(path, lang):
    texts, per = set(), Counter()
    asr = Counter()
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            obj = json.loads(line)
            assert set(obj) == {"text", "crisis", "kind"}, (i, obj)
            assert isinstance(obj["crisis"], bool) and isinstance(obj["text"], str) and obj["text"], (i, obj)
            assert obj["kind"] in (CRISIS_KINDS if obj["crisis"] else SAFE_KINDS), (i, obj)
            assert obj["text"] not in texts, ("duplicate", i, obj["text"])
            texts.add(obj["text"])
            per[(obj["crisis"], obj["kind"])] += 1
            asr[obj["crisis"]] += is_asr_style(obj["text"], lang)
    return per, asr


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ja"):
        rng = random.Random(f"{SEED}-{lang}")
        rows, stats = build(lang, rng)
        rng.shuffle(rows)
        path = OUT_DIR / f"safety_train_{lang}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        per, asr = validate(path, lang)
        print(f"== {path.relative_to(ROOT)}: {len(rows)} lines")
        for crisis in (True, False):
            total = sum(v for (c, _), v in per.items() if c == crisis)
            src = {s: stats[(crisis, s)] for s in ("hand", "asr_variant", "template")}
            print(f"  crisis={crisis}: {total}  (hand-written {src['hand']}, recognizer variants "
                  f"{src['asr_variant']}, template {src['template']}; recognizer-style {asr[crisis]} "
                  f"= {asr[crisis] / total:.0%})")
            for kind in (CRISIS_KINDS if crisis else SAFE_KINDS):
                print(f"    {kind:22s} {per[(crisis, kind)]}")
            if src["hand"] < 300 or total < 700:
                sys.exit(f"too few lines for {lang} crisis={crisis}")


if __name__ == "__main__":
    main()
